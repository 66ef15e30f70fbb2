// Workflow explorer, one execution (/workflows/<workflowId>, ?run=<runId> for a run other than the
// latest): status, the type's domain summary, input and result (secrets redacted by the server),
// pending activities with attempt and last failure, children, the history as a timeline with
// durations, a link to the Temporal Web UI, the history as a JSON file for WorkflowReplayer, and
// cancel / terminate, each confirmed with a required reason that goes to the audit log.

import { api } from '../api.js';
import { button, el, uid } from '../dom.js';
import { formatDuration, formatTime } from '../format.js';
import { badge } from '../components/badge.js';
import { confirmAction } from '../components/dialog.js';
import { announce, statusLine } from '../components/live.js';
import { detailPath } from '../pages.js';
import { param } from '../router.js';

const ACTIONS = {
  cancel: {
    label: 'Cancel', confirm: 'Request cancellation',
    text: 'The workflow is asked to cancel: it decides how to end (activities in flight may finish, clean-up may run).',
  },
  terminate: {
    label: 'Terminate', confirm: 'Terminate now',
    text: 'The run ends at once, without running any more of its code: activities in flight are abandoned and no clean-up runs.',
  },
};

function executionPath(workflowId, runId) {
  return detailPath('workflows', workflowId) + (runId ? `?run=${encodeURIComponent(runId)}` : '');
}

function duration(ms) {
  if (ms === null || ms === undefined) return '';
  return ms < 1000 ? `${ms} ms` : formatDuration(ms / 1000);
}

function facts(pairs) {
  return el('dl', { class: 'facts' }, ...pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([k, v, testid]) => [el('dt', {}, k), el('dd', { 'data-testid': testid ?? null }, v)]));
}

function section(title, testid, ...content) {
  const id = uid('wf-section');
  return el('section', { class: 'card', 'aria-labelledby': id, 'data-testid': testid }, el('h2', { id }, title), ...content);
}

function table(caption, headers, rows, testid) {
  return el('div', { class: 'table-scroll' }, el('table', { 'data-testid': testid },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows)));
}

export async function mount(root, context) {
  const workflowId = context.id;
  const runId = param('run') || null;
  context.frame.setTitle(`Workflow ${workflowId}`);
  const message = statusLine({ id: 'workflow-message', 'data-testid': 'workflow-message' });
  const content = el('div', { 'data-testid': 'workflow-detail' });
  root.append(
    el('p', {}, el('a', { href: '/workflows', 'data-testid': 'workflow-back' }, '← All workflows')),
    message.element, content);

  async function act(dto, action) {
    const spec = ACTIONS[action];
    const reason = await confirmAction({
      title: `${spec.label} ${dto.workflowId}?`, message: spec.text, confirmLabel: spec.confirm, danger: true, reasonRequired: true,
    });
    if (reason === null) return;
    try {
      const done = await api(`/workflows/${encodeURIComponent(dto.workflowId)}/${action}?run=${encodeURIComponent(dto.runId)}`, { method: 'POST', reason });
      const text = action === 'cancel'
        ? `${dto.workflowId}: cancellation requested (the run is ${done.status.toLowerCase()}; it decides how to end).`
        : `${dto.workflowId}: terminated.`;
      message.say(text);
      announce(text);
    } catch (e) {
      message.say(`${dto.workflowId}: ${e.message}`, 'error');
    }
    await refresh().catch(() => null);
  }

  function render(dto) {
    const status = dto.status.toLowerCase();
    const running = dto.status === 'RUNNING';
    const download = `/api/v1/workflows/${encodeURIComponent(dto.workflowId)}/history.json?run=${encodeURIComponent(dto.runId)}`;
    const overview = section('Execution', 'workflow-overview',
      el('div', { class: 'section-head' },
        badge(status, null, { 'data-testid': 'workflow-status' }),
        dto.cancelRequested ? badge('paused', 'cancellation requested', { 'data-testid': 'workflow-cancel-requested' }) : null),
      facts([
        ['Type', dto.type, 'workflow-type'],
        ['Run', el('code', {}, dto.runId), 'workflow-run'],
        ['Started', formatTime(dto.startedAt)],
        ['Ended', dto.closedAt ? formatTime(dto.closedAt) : 'still running'],
        ['Duration', dto.startedAt ? duration((dto.closedAt ? new Date(dto.closedAt) : new Date()) - new Date(dto.startedAt)) : null],
        ['Task queue', dto.taskQueue],
        ['Building', dto.buildingId],
        ['Parent', dto.parentWorkflowId ? el('a', { href: executionPath(dto.parentWorkflowId) }, dto.parentWorkflowId) : null],
        ['Events', String(dto.historyLength)],
      ]),
      el('div', { class: 'toolbar' },
        el('a', { href: download, download: `${dto.workflowId}_${dto.runId}.json`, 'data-testid': 'workflow-download' }, 'Download history (JSON for WorkflowReplayer)'),
        dto.temporalUiUrl ? el('a', { href: dto.temporalUiUrl, target: '_blank', rel: 'noopener', 'data-testid': 'workflow-temporal-link' }, 'Open in the Temporal Web UI') : null),
      running ? el('div', { class: 'toolbar' },
        button('Cancel…', () => act(dto, 'cancel'), { 'data-testid': 'workflow-cancel', class: 'secondary danger' }),
        button('Terminate…', () => act(dto, 'terminate'), { 'data-testid': 'workflow-terminate', class: 'danger' })) : null);

    const summary = dto.summary ? section('Summary', 'workflow-summary-section', el('p', { 'data-testid': 'workflow-summary' }, dto.summary)) : null;

    const payloads = section('Input and result', 'workflow-payloads',
      el('p', { class: 'hint' }, 'Values of fields named like password, secret, token or credential are shown as [redacted].'),
      el('h3', {}, 'Input'),
      dto.input ? el('pre', { class: 'payload', 'data-testid': 'workflow-input' }, dto.input) : el('p', { class: 'muted' }, 'none'),
      el('h3', {}, 'Result'),
      dto.result ? el('pre', { class: 'payload', 'data-testid': 'workflow-result' }, dto.result)
        : el('p', { class: 'muted' }, running ? 'not yet: the run has not ended' : 'none'),
      dto.failure ? el('p', { class: 'error', 'data-testid': 'workflow-failure' }, dto.failure) : null);

    const pending = dto.pendingActivities.length
      ? section('Pending activities', 'workflow-pending-section', table(`Activities not finished yet (${dto.pendingActivities.length})`,
        ['Activity', 'State', 'Attempt', 'Scheduled', 'Last started', 'Last failure'],
        dto.pendingActivities.map((a) => el('tr', { 'data-testid': 'workflow-pending-activity', 'data-attempt': String(a.attempt) },
          el('th', { scope: 'row' }, `${a.type} (${a.activityId})`),
          el('td', {}, a.state.toLowerCase()),
          el('td', {}, a.maximumAttempts ? `${a.attempt} of ${a.maximumAttempts}` : String(a.attempt)),
          el('td', {}, formatTime(a.scheduledAt)),
          el('td', {}, formatTime(a.lastStartedAt)),
          el('td', {}, a.lastFailure ?? '–'))), 'workflow-pending'))
      : null;

    const children = dto.children.length
      ? section('Child workflows', 'workflow-children-section', table(`Children (${dto.children.length})`, ['Workflow id', 'Type', 'Status'],
        dto.children.map((c) => el('tr', { 'data-testid': 'workflow-child' },
          el('th', { scope: 'row' }, el('a', { href: executionPath(c.workflowId, c.runId) }, c.workflowId)),
          el('td', {}, c.type), el('td', {}, badge(c.status.toLowerCase())))), 'workflow-children'))
      : null;

    const timeline = section('Timeline', 'workflow-timeline-section',
      el('p', { class: 'hint' }, 'What happened, each from its first event to its last, in the order it began; workflow tasks are left out unless one failed.'),
      dto.timelineTruncated ? el('p', { class: 'warning' }, `Only the first ${dto.timeline.length} entries are shown; the download has the whole history.`) : null,
      table(`Timeline of run ${dto.runId}`, ['Began', 'What', 'Name', 'Outcome', 'Duration', 'Attempt', 'Detail', 'Events'],
        dto.timeline.map((t) => el('tr', { 'data-testid': 'timeline-entry', 'data-kind': t.kind, 'data-status': t.status },
          el('td', {}, formatTime(t.startedAt)),
          el('td', {}, t.kind),
          el('th', { scope: 'row' }, t.name),
          el('td', {}, badge(t.status)),
          el('td', {}, t.durationMillis === null ? (t.endedAt ? '' : '–') : duration(t.durationMillis)),
          el('td', {}, t.attempt ? String(t.attempt) : ''),
          el('td', {}, t.detail),
          el('td', { class: 'muted' }, t.firstEventId === t.lastEventId ? String(t.firstEventId) : `${t.firstEventId}–${t.lastEventId}`))), 'workflow-timeline'));

    content.replaceChildren(...[overview, summary, pending, payloads, children, timeline].filter(Boolean));
  }

  // a run that has ended does not change any more: later refreshes keep what is shown
  let ended = false;

  async function refresh() {
    if (ended) return;
    try {
      const dto = await api(`/workflows/${encodeURIComponent(workflowId)}${runId ? `?run=${encodeURIComponent(runId)}` : ''}`);
      render(dto);
      ended = dto.status !== 'RUNNING';
    } catch (e) {
      if (e.status === 404) {
        content.replaceChildren(el('p', { 'data-testid': 'workflow-not-found' }, `Temporal knows no workflow ${workflowId}${runId ? ` with run ${runId}` : ''}.`));
        return;
      }
      message.say(`Cannot load the workflow: ${e.message}`, 'error');
      throw e;
    }
  }

  return { refresh, every: 10000 };
}
