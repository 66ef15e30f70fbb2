// Charts for every page: uPlot (small, fast with many points), copied into the WAR by the build
// from its WebJar (web-admin/pom.xml), never loaded from elsewhere. Loaded on first use only.
// A chart is a picture: give it a text alternative (the figure's caption and a summary), since
// canvas content is invisible to screen readers.

import { el, uid } from '../dom.js';
import { formatTime, timeZone } from '../format.js';

let uPlotModule = null;

export async function uPlot() {
  if (!uPlotModule) {
    if (!document.querySelector('link[data-uplot]')) {
      document.head.append(el('link', { rel: 'stylesheet', href: '/vendor/uplot/uPlot.min.css', 'data-uplot': '' }));
    }
    uPlotModule = (await import('/vendor/uplot/uPlot.esm.js')).default;
  }
  return uPlotModule;
}

/**
 * A time series line chart.
 * @param spec.title    caption
 * @param spec.label    the series' name with unit, e.g. "readings / min"
 * @param spec.summary  (points) -> text alternative
 * @returns { element, update(points: [{ at, value }]) }
 */
export function timeChart({ title, label, summary, testid, width = 560, height = 160 }) {
  const captionId = uid('chart-caption');
  const plotArea = el('div', { class: 'chart-area', 'aria-hidden': 'true' });
  const text = el('p', { class: 'chart-summary', 'data-testid': testid ? `${testid}-summary` : null });
  const element = el('figure', { class: 'chart', 'aria-labelledby': captionId, 'data-testid': testid },
    el('figcaption', { id: captionId }, title), plotArea, text);
  let plot = null;

  async function update(points) {
    text.textContent = summary(points);
    if (points.length < 2) {
      plotArea.replaceChildren(el('p', { class: 'muted' }, 'Not enough data for a chart yet.'));
      plot?.destroy();
      plot = null;
      return;
    }
    const UPlot = await uPlot();
    const data = [points.map((p) => new Date(p.at).getTime() / 1000), points.map((p) => p.value)];
    if (plot) {
      plot.setData(data);
      return;
    }
    plotArea.replaceChildren();
    plot = new UPlot({
      width, height, tzDate: (ts) => UPlot.tzDate(new Date(ts * 1000), timeZone()),
      series: [{ value: (u, v) => (v == null ? '' : formatTime(v * 1000)) }, { label, stroke: '#2b59c3', width: 2 }],
      axes: [{}, { size: 70 }],
      legend: { show: false },
    }, data, plotArea);
  }

  return { element, update };
}

// distinguishable for the common colour vision deficiencies (Okabe-Ito); each series also gets its
// own dash pattern, so the legend does not rely on colour alone
const SERIES_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];
const SERIES_DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 5]];

/**
 * Lines over a numeric x axis (steps, epochs), one or several series overlaid: learning curves.
 * @param spec.title    caption
 * @param spec.xLabel   the x axis, e.g. "step"
 * @param spec.series   [{ label, points: [{ x, y }] }]
 * @param spec.summary  (series) -> text alternative
 * @returns { element }
 */
export function lineChart({ title, xLabel = 'step', series, summary, testid, width = 560, height = 200 }) {
  const captionId = uid('chart-caption');
  const plotArea = el('div', { class: 'chart-area', 'aria-hidden': 'true' });
  const legend = el('ul', { class: 'chart-legend' }, ...series.map((s, i) => el('li', {},
    el('span', { class: 'swatch', style: `border-top: 3px ${SERIES_DASHES[i % 6].length ? 'dashed' : 'solid'} ${SERIES_COLOURS[i % 6]}` }),
    ' ', s.label)));
  const element = el('figure', { class: 'chart', 'aria-labelledby': captionId, 'data-testid': testid, 'data-series': String(series.length) },
    el('figcaption', { id: captionId }, title), plotArea, series.length > 1 ? legend : null,
    el('p', { class: 'chart-summary', 'data-testid': testid ? `${testid}-summary` : null }, summary(series)));
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  if (xs.length < 2) {
    plotArea.append(el('p', { class: 'muted' }, 'Not enough points for a chart.'));
    return { element };
  }
  const data = [xs, ...series.map((s) => {
    const byX = new Map(s.points.map((p) => [p.x, p.y]));
    return xs.map((x) => (byX.has(x) ? byX.get(x) : null));
  })];
  uPlot().then((UPlot) => {
    // eslint-disable-next-line no-new
    new UPlot({
      width, height,
      scales: { x: { time: false } },
      series: [{ label: xLabel }, ...series.map((s, i) => ({
        label: s.label, stroke: SERIES_COLOURS[i % 6], dash: SERIES_DASHES[i % 6], width: 2, spanGaps: true,
      }))],
      // steps are whole numbers: no ticks between them
      axes: [{ label: xLabel, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] }, { size: 70 }],
      legend: { show: false },
    }, data, plotArea);
  });
  return { element };
}
