// One experiment (/experiments/<name>): its runs, filtered by status, tag, parameter and metric
// ranges, with two to five of them selected for a comparison. The same address shows one run with
// ?run=<runId> (experiment-run.js) and a comparison with ?compare=<id>,<id>,… (experiment-compare.js),
// so each of them can be linked and reloaded.

import { api, query } from '../api.js';
import { el } from '../dom.js';
import { formatDuration, formatTime } from '../format.js';
import { detailPath } from '../pages.js';
import { param } from '../router.js';
import { badge } from '../components/badge.js';
import { dataTable } from '../components/table.js';
import { statusLine } from '../components/live.js';

const STATUSES = ['', 'RUNNING', 'FINISHED', 'FAILED', 'KILLED'];

export function runDuration(run) {
  if (!run.startedAt) return '';
  const end = run.endedAt ? new Date(run.endedAt) : new Date();
  return formatDuration((end - new Date(run.startedAt)) / 1000) + (run.endedAt ? '' : ' so far');
}

export function formatValue(value) {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toPrecision(6).replace(/\.?0+$/, '');
  return String(value);
}

export async function mount(root, context) {
  const name = context.id;
  if (param('run')) {
    return (await import('./experiment-run.js')).mountRun(root, context, name, param('run'));
  }
  if (param('compare')) {
    return (await import('./experiment-compare.js')).mountCompare(root, context, name, param('compare'));
  }
  context.frame.setTitle(`Experiment ${name}`);
  const message = statusLine({ 'data-testid': 'runs-message' });
  const summary = el('p', { class: 'muted', 'data-testid': 'experiment-summary' });
  const compare = el('button', { type: 'button', 'data-testid': 'runs-compare', disabled: true }, 'Compare selected runs');
  const compareHint = el('span', { class: 'muted', id: 'runs-compare-hint' }, 'Select 2 to 5 runs to compare.');
  compare.setAttribute('aria-describedby', 'runs-compare-hint');

  const table = dataTable({
    id: 'runs',
    caption: `Runs of ${name}`,
    noun: 'runs',
    rowKey: (run) => run.id,
    rowAttributes: (run) => ({ 'data-testid': 'run-row', 'data-status': run.status.toLowerCase() }),
    select: { label: (run) => `Select run ${run.name} (${run.id}) to compare` },
    filters: [
      { name: 'status', label: 'Status', type: 'select', choices: STATUSES.map((s) => ({ value: s, label: s ? s.toLowerCase() : 'any' })) },
      { name: 'tag', label: 'Tag' },
      { name: 'tagValue', label: 'Tag value' },
      { name: 'param', label: 'Parameter' },
      { name: 'paramValue', label: 'Parameter value' },
      { name: 'paramMin', label: 'Parameter at least', type: 'number' },
      { name: 'paramMax', label: 'Parameter at most', type: 'number' },
      { name: 'metric', label: 'Metric' },
      { name: 'metricMin', label: 'Metric at least', type: 'number' },
      { name: 'metricMax', label: 'Metric at most', type: 'number' },
    ],
    columns: [
      { key: 'name', label: 'Run', render: (run) => el('a', { href: run.path, 'data-testid': 'run-link' }, `${run.name} (#${run.id})`) },
      { key: 'status', label: 'Status', render: (run) => badge(run.status.toLowerCase()) },
      { key: 'startedAt', label: 'Started', render: (run) => formatTime(run.startedAt) },
      { key: 'duration', label: 'Duration', render: runDuration },
      { key: 'metrics', label: 'Metrics', render: (run) => Object.entries(run.metrics).map(([k, v]) => `${k} ${formatValue(v)}`).join(' · ') || '–' },
      { key: 'tags', label: 'Tags', render: (run) => Object.entries(run.tags).map(([k, v]) => (v ? `${k}=${v}` : k)).join(', ') || '–' },
    ],
    empty: 'No runs match.',
    fetchPage: (q) => api(`/experiments/${encodeURIComponent(name)}/runs${query(q)}`),
  });

  function selectionChanged() {
    const n = table.selected().length;
    compare.disabled = n < 2 || n > 5;
    compareHint.textContent = n > 5 ? `${n} selected: at most 5 runs can be compared.` : `${n} selected; select 2 to 5 runs to compare.`;
  }
  table.table.addEventListener('change', selectionChanged);
  table.table.addEventListener('selectionchange', selectionChanged);
  compare.addEventListener('click', () => {
    window.location.assign(`${detailPath('experiments', name)}?compare=${table.selected().join(',')}`);
  });

  root.append(
    el('p', {}, el('a', { href: '/experiments' }, '← All experiments')),
    summary, message.element, table.element,
    el('div', { class: 'actions' }, compare, ' ', compareHint));

  async function refresh() {
    try {
      const experiment = await api(`/experiments/${encodeURIComponent(name)}`);
      summary.textContent = `${experiment.description ? `${experiment.description}. ` : ''}${experiment.runs} runs, ${experiment.running} running. Artifacts are kept ${experiment.artifactRetentionDays} days after a run ends unless it is pinned.`;
      message.say('');
    } catch (e) {
      message.say(e.status === 404 ? `There is no experiment ${name}.` : `Cannot load the experiment: ${e.message}`, 'error');
      throw e;
    }
    await table.load();
    selectionChanged();
  }

  return { refresh, every: 15000 };
}
