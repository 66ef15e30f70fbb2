// Two to five runs side by side (/experiments/<name>?compare=<id>,<id>,…): parameters and metrics
// in one table, a row whose values differ marked in words and shading, and every stepped metric's
// learning curves of all runs overlaid in one chart.

import { api } from '../api.js';
import { el } from '../dom.js';
import { detailPath } from '../pages.js';
import { badge } from '../components/badge.js';
import { lineChart } from '../components/chart.js';
import { statusLine } from '../components/live.js';
import { formatValue } from './experiment.js';
import { curveSummary } from './experiment-run.js';

function row(kind, r) {
  return el('tr', { 'data-testid': 'compare-row', 'data-key': `${kind}:${r.key}`, 'data-differs': String(r.differs), class: r.differs ? 'differs' : null },
    el('th', { scope: 'row' }, `${r.key} `, el('span', { class: 'muted' }, `(${kind})`),
      r.differs ? el('span', { class: 'differs-mark', 'data-testid': 'differs-mark' }, ' differs') : null),
    ...r.values.map((v) => el('td', { class: 'mono' }, formatValue(v))));
}

export async function mountCompare(root, context, experiment, ids) {
  context.frame.setTitle(`Compare runs of ${experiment}`);
  const message = statusLine({ 'data-testid': 'compare-message' });
  const body = el('div', { 'data-testid': 'compare-page' });
  root.append(el('p', {}, el('a', { href: detailPath('experiments', experiment), 'data-testid': 'back-to-runs' }, `← Runs of ${experiment}`)), message.element, body);

  async function refresh() {
    let comparison;
    try {
      comparison = await api(`/experiment-runs/compare?ids=${encodeURIComponent(ids)}`);
    } catch (e) {
      message.say(`Cannot compare these runs: ${e.message}`, 'error');
      throw e;
    }
    const { runs } = comparison;
    const differing = comparison.params.filter((r) => r.differs).length + comparison.metrics.filter((r) => r.differs).length;
    const table = el('table', { 'data-testid': 'compare-table' },
      el('caption', {}, `Parameters and metrics of ${runs.length} runs; ${differing} rows differ (marked "differs")`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'),
        ...runs.map((r) => el('th', { scope: 'col', 'data-testid': 'compare-run' },
          el('a', { href: r.path }, `${r.name} (#${r.id})`), ' ', badge(r.status.toLowerCase()))))),
      el('tbody', {}, ...comparison.params.map((r) => row('parameter', r)), ...comparison.metrics.map((r) => row('metric', r))));
    const curves = Object.entries(comparison.series).map(([key, byRun]) => lineChart({
      title: `Learning curves: ${key}`,
      series: runs.filter((r) => byRun[r.id]).map((r) => ({ label: `${r.name} (#${r.id})`, points: byRun[r.id].map((s) => ({ x: s.step, y: s.value })) })),
      summary: curveSummary,
      testid: `compare-curve-${key}`,
    }).element);
    body.replaceChildren(
      el('section', { 'aria-labelledby': 'compare-values-h' }, el('h2', { id: 'compare-values-h' }, 'Parameters and metrics'), el('div', { class: 'table-scroll' }, table)),
      el('section', { 'aria-labelledby': 'compare-curves-h', 'data-testid': 'compare-curves' }, el('h2', { id: 'compare-curves-h' }, 'Learning curves'),
        curves.length ? curves : el('p', { class: 'muted' }, 'None of these runs has stepped metrics.')));
  }

  return { refresh, every: 0 };
}
