// One chart of the building page on uPlot (the shell's chart library): several series over time
// with unit and axes labelled, nulls drawn as gaps (never bridged), values that were filled or
// interpolated as a dashed line with points beside the measured solid one, and zoom by dragging
// across the plot (double-click to undo) shared with the page's other charts. The canvas is
// hidden from screen readers: the page's summary and table view say the same in text.

import { el, uid } from '../dom.js';
import { formatTime, timeZone } from '../format.js';
import { uPlot } from '../components/chart.js';

const COLORS = {
  flow: '#c0392b', return: '#2b59c3', outdoor: '#1e7a46', indoor: '#7d3c98',
  spread: '#a05a00', power: '#8a1f5c', curve: '#333333',
};

/**
 * @param spec.title   caption, with unit
 * @param spec.unit    the y axis' label
 * @param spec.keys    quantity keys shown, e.g. ['flow', 'return']
 * @param spec.labels  key -> legend label
 * @param spec.onZoom  (min, max) ms -> void, after a zoom by the user; null/null when reset
 * @param spec.colors  key -> colour for keys beyond the measured quantities
 * @param spec.dashes  key -> dash pattern (a line that is no measurement, e.g. a baseline)
 * @param spec.syncKey charts with the same key share the cursor (default: the measurements')
 */
export function buildingChart({ title, unit, keys, labels, testid, onZoom, colors = {}, dashes = {}, syncKey = 'building' }) {
  const palette = { ...COLORS, ...colors };
  const captionId = uid('chart-caption');
  const plotArea = el('div', { class: 'chart-area', 'aria-hidden': 'true' });
  const summary = el('p', { class: 'chart-summary', 'data-testid': `${testid}-summary` });
  const element = el('figure', { class: 'chart wide', 'aria-labelledby': captionId, 'data-testid': testid },
    el('figcaption', { id: captionId }, title), plotArea, summary);
  let plot = null;
  let syncing = false;

  /**
   * @param xs     seconds, ascending, with a null row inside each gap
   * @param values key -> { measured: [], estimated: [] | null }
   */
  async function render(xs, values, text) {
    summary.textContent = text;
    plot?.destroy();
    plot = null;
    if (xs.length < 2) {
      plotArea.replaceChildren(el('p', { class: 'muted' }, 'No data in this range.'));
      return;
    }
    const UPlot = await uPlot();
    const series = [{ value: (u, v) => (v == null ? '' : formatTime(v * 1000)) }];
    const data = [xs];
    for (const key of keys) {
      const v = values[key];
      if (!v) continue;
      series.push({ label: labels[key], stroke: palette[key], width: key === 'curve' ? 1.5 : 2, dash: dashes[key] ?? (key === 'curve' ? [2, 3] : undefined), spanGaps: false });
      data.push(v.measured);
      if (v.estimated) {
        series.push({ label: `${labels[key]} (filled or interpolated)`, stroke: palette[key], width: 1.5, dash: [6, 4], spanGaps: false, points: { show: true, size: 4 } });
        data.push(v.estimated);
      }
    }
    plotArea.replaceChildren();
    const width = Math.max(320, Math.min(1100, (element.parentElement?.clientWidth || 900) - 32));
    plot = new UPlot({
      width,
      height: 220,
      tzDate: (ts) => UPlot.tzDate(new Date(ts * 1000), timeZone()),
      series,
      axes: [{ label: `Time (${timeZone()})` }, { label: unit, size: 60 }],
      cursor: { drag: { x: true, y: false }, sync: { key: syncKey } },
      legend: { show: true, live: false },
      hooks: {
        setScale: [(u, key) => {
          if (key !== 'x' || syncing || !onZoom) return;
          const full = u.data[0];
          const reset = u.scales.x.min <= full[0] && u.scales.x.max >= full[full.length - 1];
          onZoom(reset ? null : u.scales.x.min * 1000, reset ? null : u.scales.x.max * 1000);
        }],
      },
    }, data, plotArea);
  }

  /** Shows [min, max] ms (another chart was zoomed), or everything for nulls. */
  function zoomTo(min, max) {
    if (!plot) return;
    syncing = true;
    try {
      const xs = plot.data[0];
      plot.setScale('x', min === null ? { min: xs[0], max: xs[xs.length - 1] } : { min: min / 1000, max: max / 1000 });
    } finally {
      syncing = false;
    }
  }

  return { element, render, zoomTo };
}
