// Workflow explorer, the list: executions of every workflow type Vorlauf runs, filtered by type,
// status, start time and (for per-building workflows) building, paged by Temporal (a token per
// page, so "previous" goes back through the tokens seen). Each row opens the execution at
// /workflows/<workflowId>?run=<runId>. On the in-JVM test server there is no visibility: the page
// says so, and the form below opens an execution by its workflow id (it works on every server).

import { api, query } from '../api.js';
import { el, uid } from '../dom.js';
import { formatDuration, formatTime, timeZone } from '../format.js';
import { badge } from '../components/badge.js';
import { statusLine } from '../components/live.js';
import { detailPath } from '../pages.js';
import { param, setParams } from '../router.js';

const STATUSES = ['', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT'];

/** The address of one execution's detail view; the run is optional (the latest then). */
export function executionPath(workflowId, runId) {
  return detailPath('workflows', workflowId) + (runId ? `?run=${encodeURIComponent(runId)}` : '');
}

function field(name, label, input) {
  const id = uid(`wf-${name}`);
  input.id = id;
  return el('div', { class: 'field' }, el('label', { for: id }, label), input);
}

// a datetime-local input has no zone: it means the zone all times are shown in
function toInstant(value) {
  if (!value) return '';
  const d = new Date(timeZone() === 'UTC' ? `${value}Z` : value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

function fromInstant(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const shift = timeZone() === 'UTC' ? 0 : d.getTimezoneOffset() * 60000;
  return new Date(d.getTime() - shift).toISOString().slice(0, 16);
}

export async function mount(root) {
  const message = statusLine({ id: 'workflows-message', 'data-testid': 'workflows-error' });
  const noVisibility = el('p', { class: 'card down', role: 'note', 'data-testid': 'workflows-no-visibility', hidden: true });

  const lookupInput = el('input', { type: 'text', name: 'workflowId', required: true, autocomplete: 'off', 'data-testid': 'workflows-lookup-id' });
  const lookup = el('form', { class: 'filters', role: 'search', 'aria-label': 'Open a workflow by its id', 'data-testid': 'workflows-lookup' },
    field('lookup', 'Workflow id', lookupInput),
    el('div', { class: 'filter-actions' }, el('button', { type: 'submit', 'data-testid': 'workflows-lookup-open' }, 'Open')));
  lookup.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = lookupInput.value.trim();
    if (id) window.location.assign(executionPath(id));
  });

  const types = el('datalist', { id: uid('wf-types') });
  const inputs = {
    type: el('input', { type: 'text', name: 'type', list: types.id, autocomplete: 'off', 'data-testid': 'workflows-filter-type' }),
    status: el('select', { name: 'status', 'data-testid': 'workflows-filter-status' },
      ...STATUSES.map((s) => el('option', { value: s }, s ? s.toLowerCase().replaceAll('_', ' ') : 'any status'))),
    from: el('input', { type: 'datetime-local', name: 'from', 'data-testid': 'workflows-filter-from' }),
    to: el('input', { type: 'datetime-local', name: 'to', 'data-testid': 'workflows-filter-to' }),
    building: el('input', { type: 'text', name: 'building', autocomplete: 'off', 'data-testid': 'workflows-filter-building' }),
  };
  const filters = el('form', { class: 'filters', role: 'search', 'aria-label': 'Filter workflow executions', 'data-testid': 'workflows-filter' },
    field('type', 'Workflow type', inputs.type), types,
    field('status', 'Status', inputs.status),
    field('from', `Started from (${timeZone()})`, inputs.from),
    field('to', `Started until (${timeZone()})`, inputs.to),
    field('building', 'Building (per-building workflows)', inputs.building),
    el('div', { class: 'filter-actions' },
      el('button', { type: 'submit', 'data-testid': 'workflows-apply' }, 'Apply filter'),
      el('button', { type: 'button', class: 'secondary', 'data-testid': 'workflows-clear', onclick: clear }, 'Clear')));
  for (const name of ['type', 'status', 'building']) inputs[name].value = param(name);
  inputs.from.value = fromInstant(param('from'));
  inputs.to.value = fromInstant(param('to'));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    setParams({
      type: inputs.type.value.trim(), status: inputs.status.value, building: inputs.building.value.trim(),
      from: toInstant(inputs.from.value), to: toInstant(inputs.to.value),
    });
    tokens = [];
    load('').catch(() => null);
  });

  function clear() {
    for (const input of Object.values(inputs)) input.value = '';
    setParams({ type: null, status: null, building: null, from: null, to: null });
    tokens = [];
    load('').catch(() => null);
  }

  const rows = el('tbody', { 'data-testid': 'workflows-rows' });
  const table = el('table', { id: 'workflows', 'data-testid': 'workflows' },
    el('caption', {}, 'Workflow executions, newest first'),
    el('thead', {}, el('tr', {}, ...['Workflow id', 'Type', 'Status', 'Started', 'Ended', 'Duration', 'Building'].map((h) => el('th', { scope: 'col' }, h)))),
    rows);
  const empty = el('p', { class: 'muted', 'data-testid': 'workflows-empty', hidden: true }, 'No execution matches the filter.');
  const shown = statusLine({ 'data-testid': 'workflows-status' });

  // tokens[i] is the token of page i (page 0 has none); the current page is the last one
  let tokens = [];
  let nextToken = null;
  const first = el('button', { type: 'button', class: 'secondary', 'data-testid': 'workflows-first', onclick: () => { tokens = []; load('').catch(() => null); } }, '« First page');
  const prev = el('button', { type: 'button', class: 'secondary', 'data-testid': 'workflows-prev', onclick: () => { tokens.pop(); load(tokens.pop() ?? '').catch(() => null); } }, '‹ Previous page');
  const next = el('button', { type: 'button', class: 'secondary', 'data-testid': 'workflows-next', onclick: () => load(nextToken).catch(() => null) }, 'Next page ›');
  const pager = el('nav', { class: 'pager', 'aria-label': 'Pages of workflow executions' }, first, prev, next);
  const listSection = el('section', { 'aria-label': 'Workflow executions' }, filters, shown.element, el('div', { class: 'table-scroll' }, table), empty, pager);

  root.append(
    el('p', { class: 'muted' }, 'Every workflow execution of Vorlauf, of every type: open one to read its input, result, pending activities, children and timeline, to download its history for a replay test, or to cancel or terminate it.'),
    message.element, noVisibility, lookup, listSection);

  function row(item) {
    const ended = item.closedAt ? new Date(item.closedAt) : null;
    const duration = item.startedAt ? ((ended ?? new Date()) - new Date(item.startedAt)) / 1000 : null;
    return el('tr', { 'data-testid': 'workflow-row', 'data-id': item.workflowId, 'data-run': item.runId, 'data-type': item.type, 'data-status': item.status.toLowerCase() },
      el('th', { scope: 'row' }, el('a', { href: executionPath(item.workflowId, item.runId), 'data-testid': 'workflow-link' }, item.workflowId)),
      el('td', {}, item.type),
      el('td', {}, badge(item.status.toLowerCase())),
      el('td', {}, formatTime(item.startedAt)),
      el('td', {}, item.closedAt ? formatTime(item.closedAt) : '–'),
      el('td', {}, duration === null ? '' : `${formatDuration(duration)}${ended ? '' : ' so far'}`),
      el('td', {}, item.buildingId ?? '–'));
  }

  async function load(token) {
    const q = query({
      type: param('type'), status: param('status'), from: param('from'), to: param('to'), building: param('building'), pageToken: token,
    });
    try {
      const page = await api(`/workflows${q}`);
      message.say(page.visibility && page.problem ? `Cannot list the workflows: ${page.problem}` : '', 'error');
      types.replaceChildren(...page.knownTypes.map((t) => el('option', { value: t })));
      noVisibility.hidden = page.visibility;
      noVisibility.textContent = page.problem ?? '';
      listSection.hidden = !page.visibility;
      tokens.push(token || '');
      nextToken = page.nextPageToken;
      rows.replaceChildren(...page.items.map(row));
      empty.hidden = page.items.length > 0 || Boolean(page.problem);
      table.hidden = page.items.length === 0;
      shown.say(page.visibility && !page.problem ? `Page ${tokens.length}: ${page.items.length} execution(s) on ${page.server}.` : '');
      first.disabled = tokens.length <= 1;
      prev.disabled = tokens.length <= 1;
      next.disabled = !nextToken;
    } catch (e) {
      message.say(`Cannot list the workflows: ${e.message}`, 'error');
      // a filter the server refuses (a bookmarked one, say) leaves the page usable to change it
      if (e.status !== 400) throw e;
    }
  }

  // a refresh reloads the page shown, with its own token
  async function refresh() {
    const current = tokens.length ? tokens.pop() : '';
    await load(current);
  }

  return { refresh, every: 15000 };
}
