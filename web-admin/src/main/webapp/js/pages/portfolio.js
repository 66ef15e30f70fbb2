// Portfolio: the hourly portfolio optimisation's runs, newest first, a page at a time: state, the
// hour they optimised for, progress (buildings handled of the total), the counts done / fallback /
// skipped / failed, fallback causes and duration. A RUNNING run that wrote no progress for the
// server's stall time is shown as "no progress since …", never as running. A run's failed and
// skipped buildings (reason, attempts, retryable) open in the detail panel (?open=<run id>), each
// linked to its building page.

import { api, query } from '../api.js';
import { button, el, nodes } from '../dom.js';
import { formatDuration, formatNumber, formatTime, relative } from '../format.js';
import { badge } from '../components/badge.js';
import { drawer } from '../components/drawer.js';
import { dataTable } from '../components/table.js';
import { detailPath } from '../pages.js';

const PROBLEMS_SHOWN = 200;

function stateOf(run) {
  if (run.stalled) {
    return badge('stalled', `no progress since ${formatTime(run.updatedAt)}`, { 'data-testid': 'portfolio-run-state', 'data-state': 'stalled', title: relative(run.updatedAt) });
  }
  return badge(run.state.toLowerCase(), null, { 'data-testid': 'portfolio-run-state' });
}

function progress(run) {
  const percent = run.buildingsTotal ? Math.round((100 * run.handled) / run.buildingsTotal) : 100;
  const text = `${formatNumber(run.handled)} of ${formatNumber(run.buildingsTotal)} (${percent} %)`;
  return el('div', { class: 'progress-line' },
    el('div', {
      class: 'progress', role: 'progressbar', 'aria-label': `Progress of run ${run.id}`, 'aria-valuemin': '0',
      'aria-valuemax': String(run.buildingsTotal), 'aria-valuenow': String(run.handled), 'aria-valuetext': text,
      'data-testid': 'portfolio-run-progress',
    }, el('div', { class: `progress-fill${run.failed ? ' with-failures' : ''}`, style: `width: ${percent}%` })),
    el('span', {}, text));
}

function reasons(run) {
  const entries = Object.entries(run.fallbackReasons ?? {});
  return entries.length
    ? el('span', { 'data-testid': 'portfolio-run-reasons' }, entries.map(([cause, n]) => `${cause}: ${formatNumber(n)}`).join(', '))
    : el('span', { class: 'muted' }, '–');
}

export async function mount(root) {
  const detail = drawer({ label: 'Portfolio run', testid: 'portfolio-run-panel' });
  const table = dataTable({
    id: 'portfolio-runs',
    caption: 'Portfolio optimisation runs, newest first',
    noun: 'runs',
    fetchPage: (q) => api(`/portfolio/runs${query({ page: q.page, size: q.size })}`),
    rowKey: (r) => String(r.id),
    rowAttributes: (r) => ({ 'data-testid': 'portfolio-run-row', 'data-run-id': String(r.id), 'data-state': r.stalled ? 'stalled' : r.state.toLowerCase() }),
    columns: [
      { key: 'startedAt', label: 'Started', render: (r) => button(formatTime(r.startedAt), () => openRun(r.id, true), { class: 'link', 'data-testid': 'portfolio-run-open', 'aria-label': `Problems of the run started ${formatTime(r.startedAt)}` }) },
      { key: 'state', label: 'State', render: stateOf },
      { key: 'asOf', label: 'As of', render: (r) => [formatTime(r.asOf), el('span', { class: 'muted' }, ` (${r.origin})`)] },
      { key: 'progress', label: 'Progress', render: progress },
      { key: 'done', label: 'Done', className: 'num', render: (r) => formatNumber(r.done) },
      { key: 'fallback', label: 'Fallback', className: 'num', render: (r) => (r.fallback ? badge('fallback', formatNumber(r.fallback)) : '0') },
      { key: 'skipped', label: 'Skipped', className: 'num', render: (r) => formatNumber(r.skipped) },
      { key: 'failed', label: 'Failed', className: 'num', render: (r) => el('span', { 'data-testid': 'portfolio-run-failed' }, r.failed ? badge('failed', formatNumber(r.failed)) : '0') },
      { key: 'reasons', label: 'Fallback causes', render: reasons },
      { key: 'duration', label: 'Duration', render: (r) => formatDuration(r.durationSeconds) },
    ],
    empty: 'No portfolio run yet: the hourly schedule starts one at :05 (see Schedules).',
  });

  root.append(
    el('p', { class: 'muted' }, 'Every hour the portfolio optimisation computes a setpoint for every active building. Progress counts the buildings handled: '
      + 'done (the model\'s setpoint), fallback (the heating curve, with its cause), skipped (inactive or unknown) and failed (after its retries). '
      + 'One building failing never fails the run. A running run that wrote no progress for a quarter of an hour is shown as "no progress since".'),
    table.element, detail.element);

  async function openRun(id, focus) {
    const [run, problems] = await Promise.all([
      api(`/portfolio/runs/${id}`),
      api(`/portfolio/runs/${id}/buildings${query({ size: PROBLEMS_SHOWN })}`),
    ]);
    detail.open({
      key: String(id),
      focus,
      heading: `Run of ${formatTime(run.asOf)} (${run.origin})`,
      content: [
        el('p', {}, stateOf(run), ' ', `started ${formatTime(run.startedAt)}`, run.finishedAt ? `, finished ${formatTime(run.finishedAt)}` : '',
          ' · ', el('a', { href: run.workflowPath, 'data-testid': 'portfolio-run-workflow' }, 'Timeline and history of the workflow')),
        progress(run),
        run.error ? el('p', { role: 'alert', 'data-testid': 'portfolio-run-error' }, `The run ended early: ${run.error}`) : null,
        el('div', { class: 'table-scroll' }, el('table', { 'data-testid': 'portfolio-problems' },
          el('caption', {}, problems.total > problems.items.length
            ? `Failed and skipped buildings: the first ${problems.items.length} of ${formatNumber(problems.total)}`
            : `Failed and skipped buildings (${formatNumber(problems.total)})`),
          el('thead', {}, el('tr', {}, ...['Building', 'Outcome', 'Reason', 'Attempts', 'Retryable', 'Recorded'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...nodes(problems.items.map((p) => el('tr', { 'data-testid': 'portfolio-problem-row', 'data-building-id': p.buildingId, 'data-status': p.status.toLowerCase() },
            el('th', { scope: 'row' }, el('a', { href: detailPath('buildings', p.buildingId), 'data-testid': 'portfolio-problem-building' }, p.buildingId)),
            el('td', {}, badge(p.status.toLowerCase())),
            el('td', {}, p.reason),
            el('td', { class: 'num' }, String(p.attempts)),
            el('td', {}, p.status !== 'FAILED' ? '–' : p.retryable ? 'yes' : 'no (invalid configuration)'),
            el('td', {}, formatTime(p.recordedAt)))),
          problems.items.length ? null : el('tr', {}, el('td', { colspan: 6 }, 'None: every building got its setpoint.')))))),
      ],
    });
  }

  async function refresh() {
    await table.load();
    if (detail.isOpen()) await openRun(detail.key(), false);
  }

  if (detail.requested()) openRun(detail.requested(), true).catch(() => detail.close());
  return { refresh, every: 10000 };
}
