// ETL: the nightly feature ETL's runs and the backfills started here, each with a progress bar
// (building-days done or failed out of the total the run counted), its failures with building, day
// and error, and a link to the run in the Temporal Web UI. A form starts a backfill for a building
// set and a date range (at most a year, within raw retention: the server says why it refuses),
// confirmed with a reason that goes to the audit log.

import { api } from '../api.js';
import { el, uid } from '../dom.js';
import { formatNumber, formatTime } from '../format.js';
import { badge } from '../components/badge.js';
import { confirmAction } from '../components/dialog.js';
import { field, formErrors } from '../components/form.js';
import { announce, statusLine } from '../components/live.js';
import { detailPath } from '../pages.js';

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function progressBar(run) {
  const handled = run.done + run.failed;
  const known = run.total >= 0;
  const percent = known ? Math.round(run.fraction * 100) : 0;
  const text = known
    ? `${formatNumber(handled)} of ${formatNumber(run.total)} building-days (${percent} %), ${formatNumber(run.failed)} failed`
    : 'progress not known yet';
  const bar = el('div', {
    class: 'progress', role: 'progressbar', 'aria-label': `Progress of ${run.workflowId}`,
    'aria-valuemin': '0', 'aria-valuemax': known ? String(run.total) : '0', 'aria-valuenow': known ? String(handled) : '0',
    'aria-valuetext': text, 'data-testid': 'etl-progress',
  }, el('div', { class: `progress-fill${run.failed ? ' with-failures' : ''}`, style: `width: ${percent}%` }));
  return el('div', { class: 'progress-line' }, bar, el('span', { 'data-testid': 'etl-progress-text' }, text));
}

function runCard(run) {
  const headingId = uid('etl-run');
  const status = String(run.status ?? 'unknown').toLowerCase();
  return el('article', { class: 'card', 'data-testid': 'etl-run', 'data-id': run.workflowId, 'data-status': status, 'aria-labelledby': headingId },
    el('div', { class: 'section-head' },
      el('h2', { id: headingId }, run.mode === 'NIGHTLY' ? 'Nightly run' : run.mode === 'BACKFILL' ? 'Backfill' : 'ETL run'),
      badge(status),
      run.temporalUiUrl
        ? el('a', { href: run.temporalUiUrl, target: '_blank', rel: 'noopener', 'data-testid': 'etl-run-link' }, `${run.workflowId} in Temporal`)
        : el('span', { class: 'mono' }, run.workflowId),
      el('a', { href: detailPath('workflows', run.workflowId), 'data-testid': 'etl-run-explore', 'aria-label': `Timeline and history of ${run.workflowId}` }, 'Timeline and history')),
    el('p', { class: 'muted' }, `Started ${formatTime(run.startedAt)} by ${run.startedBy}${run.closedAt ? `; ended ${formatTime(run.closedAt)}` : ''}.`),
    progressBar(run),
    run.progressProblem ? el('p', { class: 'muted', 'data-testid': 'etl-progress-problem' }, run.progressProblem) : null,
    run.failures.length
      ? el('div', { class: 'table-scroll' }, el('table', { 'data-testid': 'etl-failures' },
        el('caption', {}, run.failed > run.failures.length
          ? `Failures: the first ${run.failures.length} of ${run.failed}`
          : `Failures (${run.failures.length})`),
        el('thead', {}, el('tr', {}, ...['Building', 'Day', 'Error'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...run.failures.map((f) => el('tr', { 'data-testid': 'etl-failure', 'data-building': f.buildingId },
          el('td', {}, f.buildingId), el('td', {}, f.day ?? '–'), el('td', {}, f.error))))))
      : null);
}

export async function mount(root) {
  const message = statusLine({ id: 'etl-message', 'data-testid': 'etl-message' });
  const list = el('div', { id: 'etl-runs', 'data-testid': 'etl-runs' });
  const yesterday = new Date(Date.now() - 86_400_000);
  const form = el('form', { class: 'card', 'data-testid': 'etl-backfill-form', novalidate: true },
    el('h2', {}, 'Start a backfill'),
    el('p', { class: 'muted' }, 'Recomputes the features of complete local days, replacing what is stored. At most one year, and not further back than the raw readings are kept.'),
    field('buildingIds', 'Buildings', { type: 'textarea', hint: 'Building ids separated by commas or new lines; empty for every active building.', attributes: { 'data-testid': 'etl-buildings' } }),
    field('from', 'First day', { type: 'date', required: true, attributes: { 'data-testid': 'etl-from', value: isoDay(yesterday) } }),
    field('to', 'Last day', { type: 'date', required: true, attributes: { 'data-testid': 'etl-to', value: isoDay(yesterday) } }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', 'data-testid': 'etl-start' }, 'Start backfill')));
  const errors = formErrors(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    const ids = form.elements.namedItem('buildingIds').value.split(/[\s,]+/).filter(Boolean);
    const from = form.elements.namedItem('from').value;
    const to = form.elements.namedItem('to').value;
    const reason = await confirmAction({
      title: 'Start backfill?',
      message: `Recompute ${ids.length ? `${ids.length} building(s)` : 'every active building'} from ${from || '?'} to ${to || '?'}, replacing their stored features.`,
      confirmLabel: 'Start backfill', danger: false, reasonRequired: true,
    });
    if (reason === null) return;
    try {
      const started = await api('/etl/backfills', { method: 'POST', json: { buildingIds: ids, from, to }, reason });
      message.say(`Backfill ${started.workflowId} started.`);
      announce(`Backfill ${started.workflowId} started.`);
    } catch (e) {
      errors.show(e);
      message.say(`The backfill was not started: ${e.message}`, 'error');
    }
    await refresh().catch(() => null);
  });

  root.append(
    el('p', { class: 'muted' }, 'The nightly ETL turns raw readings into the 15-minute features of every building (schedule nightly-etl, see Schedules); backfills recompute a date range. Progress counts building-days; a building that keeps failing is listed with its error and never stops the others.'),
    message.element, form, el('h2', {}, 'Runs'), list);

  async function refresh() {
    try {
      const runs = await api('/etl/runs');
      list.replaceChildren(...(runs.length ? runs.map(runCard) : [el('p', { class: 'muted', 'data-testid': 'etl-no-runs' }, 'No ETL runs yet.')]));
    } catch (e) {
      message.say(`Cannot load the ETL runs: ${e.message}`, 'error');
      throw e;
    }
  }

  return { refresh, every: 5000 };
}
