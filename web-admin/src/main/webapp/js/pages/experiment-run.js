// One run (/experiments/<name>?run=<id>): what it was (status, times, code version, workflow), its
// parameters and metrics, its learning curves, its artifacts to download (checksum and size shown;
// the server refuses one whose checksum no longer matches) and its lineage: the feature window, the
// ETL runs that wrote those features and the training workflow, each linked to the workflow
// explorer. Pinning keeps the artifacts beyond the experiment's retention (audited, with a reason).

import { api } from '../api.js';
import { el } from '../dom.js';
import { formatNumber, formatTime } from '../format.js';
import { detailPath } from '../pages.js';
import { badge } from '../components/badge.js';
import { lineChart } from '../components/chart.js';
import { confirmAction } from '../components/dialog.js';
import { announce, statusLine } from '../components/live.js';
import { formatValue, runDuration } from './experiment.js';

function facts(testid, entries) {
  return el('dl', { class: 'facts', 'data-testid': testid }, ...entries.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value ?? '–')]));
}

function keyValueTable(testid, caption, map, empty) {
  const rows = Object.entries(map);
  if (!rows.length) return el('p', { class: 'muted', 'data-testid': testid }, empty);
  return el('div', { class: 'table-scroll' }, el('table', { 'data-testid': testid },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'Value'))),
    el('tbody', {}, ...rows.map(([k, v]) => el('tr', { 'data-key': k }, el('th', { scope: 'row' }, k), el('td', { class: 'mono' }, formatValue(v)))))));
}

function workflowLink(path, id, testid) {
  return path ? el('a', { href: path, 'data-testid': testid }, id) : '–';
}

function artifactsTable(artifacts) {
  if (!artifacts.length) return el('p', { class: 'muted', 'data-testid': 'run-artifacts' }, 'This run stored no artifacts.');
  return el('div', { class: 'table-scroll' }, el('table', { 'data-testid': 'run-artifacts' },
    el('caption', {}, 'Artifacts'),
    el('thead', {}, el('tr', {}, ...['Name', 'Type', 'Size', 'SHA-256', 'Stored', 'Download'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...artifacts.map((a) => el('tr', { 'data-testid': 'run-artifact', 'data-key': a.name },
      el('th', { scope: 'row' }, a.name),
      el('td', {}, a.mediaType),
      el('td', {}, `${formatNumber(a.sizeBytes)} bytes`),
      el('td', { class: 'mono checksum' }, a.sha256),
      el('td', {}, formatTime(a.storedAt)),
      el('td', {}, a.download
        ? el('a', { href: a.download, download: a.name.split('/').pop(), 'data-testid': 'artifact-download' }, `Download ${a.name}`)
        : el('span', { class: 'muted' }, `removed by retention ${formatTime(a.removedAt)}`)))))));
}

function lineageSection(lineage) {
  if (!lineage) return el('p', { class: 'muted', 'data-testid': 'run-lineage' }, 'The training recorded no lineage for this run (yet).');
  return el('div', { 'data-testid': 'run-lineage' },
    facts('lineage-facts', [
      ['Feature window', `${lineage.featureFrom} to ${lineage.featureTo} (local days, inclusive)`],
      ['Buildings', lineage.buildingIds.length ? lineage.buildingIds.join(', ') : 'every building with features'],
      ['Building-days', formatNumber(lineage.buildingDays)],
      ['Data fingerprint', el('span', { class: 'mono' }, lineage.dataFingerprint)],
      ['Code version', el('span', { class: 'mono' }, lineage.codeVersion)],
      ['Training workflow', workflowLink(lineage.workflowPath, lineage.workflowId, 'lineage-workflow')],
    ]),
    lineage.etlRuns.length
      ? el('div', { class: 'table-scroll' }, el('table', { 'data-testid': 'lineage-etl-runs' },
        el('caption', {}, 'ETL runs that wrote these features'),
        el('thead', {}, el('tr', {}, ...['ETL run (workflow)', 'Building-days', 'Days'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...lineage.etlRuns.map((e) => el('tr', { 'data-key': e.workflowId },
          el('th', { scope: 'row' }, el('a', { href: e.path, 'data-testid': 'lineage-etl-run' }, e.workflowId)),
          el('td', {}, formatNumber(e.buildingDays)),
          el('td', {}, e.firstDay === e.lastDay ? e.firstDay : `${e.firstDay} to ${e.lastDay}`))))))
      : el('p', { class: 'muted' }, 'No ETL run had written features for this window when the lineage was recorded.'));
}

export function curveSummary(series) {
  return series.map((s) => {
    if (!s.points.length) return `${s.label}: no points.`;
    const last = s.points[s.points.length - 1];
    const best = s.points.reduce((a, b) => (b.y < a.y ? b : a));
    return `${s.label}: ${s.points.length} steps, last ${formatValue(last.y)} at step ${last.x}, lowest ${formatValue(best.y)} at step ${best.x}.`;
  }).join(' ');
}

export async function mountRun(root, context, experiment, runId) {
  const message = statusLine({ 'data-testid': 'run-message' });
  const body = el('div', { 'data-testid': 'run-page' });
  root.append(el('p', {}, el('a', { href: detailPath('experiments', experiment), 'data-testid': 'back-to-runs' }, `← Runs of ${experiment}`)), message.element, body);

  async function pin(run) {
    const reason = await confirmAction({
      title: run.pinned ? 'Stop keeping the artifacts?' : 'Keep the artifacts?',
      message: run.pinned
        ? `Run ${run.name}'s artifacts will be removed once the experiment's retention has passed.`
        : `Run ${run.name}'s artifacts will be kept whatever the experiment's retention.`,
      confirmLabel: run.pinned ? 'Unpin' : 'Pin', danger: false, reasonRequired: true,
    });
    if (reason === null) return;
    try {
      await api(`/experiment-runs/${run.id}/pin`, { method: 'PUT', json: { pinned: !run.pinned }, reason });
      announce(run.pinned ? 'Run unpinned.' : 'Run pinned.');
    } catch (e) {
      message.say(`Not changed: ${e.message}`, 'error');
    }
    await refresh().catch(() => null);
  }

  async function refresh() {
    let detail;
    try {
      detail = await api(`/experiment-runs/${encodeURIComponent(runId)}`);
    } catch (e) {
      message.say(e.status === 404 ? `There is no run ${runId}.` : `Cannot load run ${runId}: ${e.message}`, 'error');
      throw e;
    }
    const { run } = detail;
    if (run.experiment !== experiment) {
      message.say(`Run ${run.id} belongs to experiment ${run.experiment}.`, 'error');
    }
    context.frame.setTitle(`Run ${run.name}`);
    const curves = Object.entries(detail.series).map(([key, steps]) => {
      const series = [{ label: key, points: steps.map((s) => ({ x: s.step, y: s.value })) }];
      return lineChart({ title: `Learning curve: ${key}`, series, summary: curveSummary, testid: `run-curve-${key}` }).element;
    });
    body.replaceChildren(
      el('section', { 'aria-labelledby': 'run-about' },
        el('h2', { id: 'run-about' }, 'Run'),
        facts('run-facts', [
          ['Status', badge(run.status.toLowerCase(), null, { 'data-testid': 'run-status' })],
          ['Run id', `#${run.id}`],
          ['Key', el('span', { class: 'mono' }, run.runKey)],
          ['Started', formatTime(run.startedAt)],
          ['Ended', run.endedAt ? formatTime(run.endedAt) : 'still running'],
          ['Duration', runDuration(run)],
          ['Code version', el('span', { class: 'mono' }, run.codeVersion)],
          ['Workflow', workflowLink(run.workflowPath, run.workflowId, 'run-workflow')],
          ['Tags', Object.entries(run.tags).map(([k, v]) => (v ? `${k}=${v}` : k)).join(', ') || '–'],
          ['Artifacts kept', run.pinned ? 'pinned: whatever the retention' : 'for the experiment\'s retention after the run ends'],
        ]),
        el('button', { type: 'button', class: 'secondary', 'data-testid': 'run-pin', onclick: () => pin(run) }, run.pinned ? 'Unpin artifacts' : 'Pin artifacts'),
        run.status === 'FINISHED' ? el('a', { href: `/models?register=${run.id}`, 'data-testid': 'run-register' }, ' Register as a model version') : null),
      el('section', { 'aria-labelledby': 'run-params-h' }, el('h2', { id: 'run-params-h' }, 'Parameters'),
        keyValueTable('run-params', 'Parameters', detail.params, 'No parameters.')),
      el('section', { 'aria-labelledby': 'run-metrics-h' }, el('h2', { id: 'run-metrics-h' }, 'Metrics'),
        keyValueTable('run-metrics', 'Metrics (single values)', run.metrics, 'No single-valued metrics.')),
      el('section', { 'aria-labelledby': 'run-curves-h', 'data-testid': 'run-curves' }, el('h2', { id: 'run-curves-h' }, 'Learning curves'),
        curves.length ? curves : el('p', { class: 'muted' }, 'No stepped metrics.')),
      el('section', { 'aria-labelledby': 'run-artifacts-h' }, el('h2', { id: 'run-artifacts-h' }, 'Artifacts'), artifactsTable(detail.artifacts)),
      el('section', { 'aria-labelledby': 'run-lineage-h' }, el('h2', { id: 'run-lineage-h' }, 'Lineage'), lineageSection(detail.lineage)));
  }

  return { refresh, every: 0 };
}
