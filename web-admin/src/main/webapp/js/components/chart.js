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
