// Quarantine: what ingestion refused, filtered by device, sensor, reason and arrival time, as rows
// (with the message's own timestamp next to its arrival) or grouped by device, sensor or reason.
// A row's payload opens in the detail panel (?open=<id>). Selected rows, or all matching ones, run
// through the pipeline again after a confirmation with a reason.

import { api, query } from '../api.js';
import { button, el } from '../dom.js';
import { formatNumber, formatTime, relative } from '../format.js';
import { param, setParams } from '../router.js';
import { badge } from '../components/badge.js';
import { confirmAction } from '../components/dialog.js';
import { drawer } from '../components/drawer.js';
import { announce, statusLine } from '../components/live.js';
import { dataTable } from '../components/table.js';

const MAX_REINGEST = 10000;
const GROUPINGS = [
  { value: '', label: 'Rows' },
  { value: 'device', label: 'By device' },
  { value: 'sensor', label: 'By sensor' },
  { value: 'reason', label: 'By reason' },
];

function readingTime(text) {
  if (!text) return el('span', { class: 'muted' }, '–');
  const d = new Date(text);
  // shown as sent when it is no time (it may be why the message was refused)
  return Number.isNaN(d.getTime()) ? el('code', {}, text) : el('time', { datetime: text, title: text }, formatTime(text));
}

export async function mount(root) {
  const reasons = await api('/quarantine/groups?by=reason&limit=500').catch(() => []);
  const result = statusLine({ id: 'quarantine-result', 'data-testid': 'quarantine-result' });
  const detail = drawer({ label: 'Quarantine row', testid: 'quarantine-detail' });
  const selectedButton = el('button', { type: 'button', id: 'quarantine-reingest-selected', 'data-testid': 'quarantine-reingest-selected', disabled: true }, 'Re-ingest selected');
  const matchingButton = el('button', { type: 'button', class: 'secondary', id: 'quarantine-reingest-matching', 'data-testid': 'quarantine-reingest-matching', disabled: true }, 'Re-ingest all matching');
  const groupsSection = el('section', { 'aria-labelledby': 'quarantine-groups-heading', 'data-testid': 'quarantine-groups', hidden: true });

  const table = dataTable({
    id: 'quarantine-rows',
    caption: 'Quarantined messages and readings',
    noun: 'rows',
    defaultSort: { sort: 'received', dir: 'desc' },
    filters: [
      { name: 'deviceId', label: 'Device id', type: 'text' },
      { name: 'sensorId', label: 'Sensor id', type: 'text' },
      { name: 'reason', label: 'Reason', type: 'select', choices: [{ value: '', label: 'any reason' },
        ...reasons.map((r) => ({ value: r.key, label: `${r.key} (${formatNumber(r.rows)})` }))] },
      { name: 'from', label: 'Received from', type: 'datetime-local' },
      { name: 'to', label: 'Received before', type: 'datetime-local' },
    ],
    fetchPage: (q) => api(`/quarantine${query({ deviceId: q.deviceId, sensorId: q.sensorId, reason: q.reason, from: q.from, to: q.to, dir: q.dir, page: q.page, size: q.size })}`),
    rowKey: (r) => r.id,
    rowAttributes: (r) => ({ 'data-testid': 'quarantine-row', 'data-id': r.id, 'data-reason': r.reason }),
    select: {
      label: (r) => (r.payloadComplete ? `Select row ${r.id}` : `Row ${r.id} cannot be re-ingested: its payload was cut or re-encoded`),
      disabled: (r) => !r.payloadComplete,
    },
    columns: [
      { key: 'id', label: 'Row', render: (r) => button(String(r.id), () => showRow(r.id, true), { class: 'link', 'data-testid': 'quarantine-show', 'data-action': 'show', 'aria-label': `Payload of row ${r.id}` }) },
      { key: 'receivedAt', label: 'Received', sort: 'received', render: (r) => el('time', { datetime: r.receivedAt, title: relative(r.receivedAt) }, formatTime(r.receivedAt)) },
      { key: 'readingTimestamp', label: 'Message time', render: (r) => readingTime(r.readingTimestamp) },
      { key: 'source', label: 'Source' },
      { key: 'deviceId', label: 'Device', render: (r) => (r.deviceId ? el('code', {}, r.deviceId) : el('span', { class: 'muted' }, r.topic ?? 'unknown')) },
      { key: 'sensorId', label: 'Sensor', render: (r) => r.sensorId ?? el('span', { class: 'muted' }, 'whole message') },
      { key: 'reason', label: 'Reason', render: (r) => badge('refused', r.reason) },
      { key: 'detail', label: 'Detail', className: 'detail', render: (r) => r.detail ?? '' },
    ],
    empty: 'Nothing in the quarantine matches.',
  });

  const groupingId = 'quarantine-grouping';
  const grouping = el('div', { class: 'views', role: 'group', 'aria-label': 'Show the quarantine as', id: groupingId },
    ...GROUPINGS.map((g) => el('button', {
      type: 'button', class: 'view', 'data-group': g.value, 'data-testid': `quarantine-group-${g.value || 'rows'}`, 'aria-pressed': 'false',
      onclick: () => { setParams({ group: g.value || null }); refresh(); },
    }, g.label)));

  root.append(
    grouping,
    groupsSection,
    table.element,
    el('div', { class: 'toolbar' }, selectedButton, matchingButton),
    result.element,
    detail.element);

  table.element.addEventListener('change', updateButtons);
  table.element.addEventListener('selectionchange', updateButtons);

  function updateButtons() {
    const n = table.selected().length;
    selectedButton.disabled = n === 0;
    selectedButton.textContent = n ? `Re-ingest ${n} selected` : 'Re-ingest selected';
    const total = table.lastPage()?.total ?? 0;
    matchingButton.disabled = total === 0;
    matchingButton.textContent = total
      ? `Re-ingest all ${formatNumber(Math.min(total, MAX_REINGEST))} matching${total > MAX_REINGEST ? ` (of ${formatNumber(total)})` : ''}`
      : 'Re-ingest all matching (none match)';
  }

  async function loadGroups(by) {
    const q = table.query();
    const groups = await api(`/quarantine/groups${query({ by, deviceId: q.deviceId, sensorId: q.sensorId, reason: q.reason, from: q.from, to: q.to })}`);
    const filterName = { device: 'deviceId', sensor: 'sensorId', reason: 'reason' }[by];
    const label = GROUPINGS.find((g) => g.value === by).label.toLowerCase();
    groupsSection.replaceChildren(
      el('h2', { id: 'quarantine-groups-heading' }, `Matching rows ${label}`),
      el('div', { class: 'table-scroll' }, el('table', { 'data-testid': 'quarantine-group-table' },
        el('caption', {}, `${groups.length} group(s), largest first`),
        el('thead', {}, el('tr', {}, ...[by.charAt(0).toUpperCase() + by.slice(1), 'Rows', 'First received', 'Last received', 'Rows of it'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...groups.map((g) => el('tr', { 'data-testid': 'quarantine-group-row', 'data-key': g.key ?? '' },
          el('th', { scope: 'row' }, g.key ? el('code', {}, g.key) : el('span', { class: 'muted' }, by === 'sensor' ? 'whole message' : 'none')),
          el('td', { class: 'num' }, formatNumber(g.rows)),
          el('td', {}, formatTime(g.firstReceived)),
          el('td', {}, formatTime(g.lastReceived)),
          el('td', {}, g.key ? button('Show rows', () => {
            setParams({ [filterName]: g.key, group: null, page: null });
            refresh();
          }, { 'aria-label': `Show the rows of ${g.key}`, 'data-testid': 'quarantine-group-show' }) : '')))))));
  }

  async function showRow(id, focus) {
    const row = await api(`/quarantine/${encodeURIComponent(id)}`);
    let text = row.payload ?? '';
    try { text = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON: shown as received */ }
    detail.open({
      key: String(row.id),
      focus,
      heading: ['Quarantine row ', el('code', { 'data-testid': 'quarantine-detail-id' }, String(row.id))],
      content: [
        el('p', { 'data-testid': 'quarantine-detail-text' },
          `${row.reason} from ${row.deviceId ?? row.topic ?? 'an unknown sender'} (${row.source}), received ${formatTime(row.receivedAt)}: ${row.detail ?? ''}`,
          row.payloadComplete ? '' : ' — the payload was cut or re-encoded, so it cannot be re-ingested.'),
        el('h3', {}, 'Payload'),
        el('pre', { class: 'payload', id: 'quarantine-payload', 'data-testid': 'quarantine-payload', tabindex: '0', 'aria-label': 'Payload' }, text),
      ],
    });
  }

  async function reingest(body, what, count) {
    const reason = await confirmAction({
      title: `Re-ingest ${what}?`,
      message: `${formatNumber(count)} row(s) run through the pipeline again. Rows that pass are stored and leave the quarantine; the others stay.`,
      confirmLabel: 'Re-ingest',
      danger: false,
    });
    if (reason === null) return;
    result.say(`Re-ingesting ${what}…`, 'busy');
    try {
      const r = await api('/quarantine/reingest', { method: 'POST', json: body, reason });
      const text = `${formatNumber(r.messages)} message(s) re-run: ${formatNumber(r.readingsStored)} readings stored (${formatNumber(r.readingsDuplicate)} already stored), `
        + `${formatNumber(r.released)} row(s) released, ${formatNumber(r.stillRefused)} still refused, ${formatNumber(r.notReingestable)} not re-ingestable.`;
      result.say(text);
      announce(text);
      await refresh();
    } catch (e) {
      result.say(`Re-ingesting failed: ${e.message}`, 'error');
    }
  }

  selectedButton.addEventListener('click', () => {
    const ids = table.selected().map(Number);
    if (ids.length) reingest({ ids }, `${ids.length} selected row(s)`, ids.length);
  });
  matchingButton.addEventListener('click', () => {
    const q = table.query();
    const total = table.lastPage()?.total ?? 0;
    if (total === 0) return;
    reingest({ deviceId: q.deviceId || null, sensorId: q.sensorId || null, reason: q.reason || null, from: q.from || null, to: q.to || null },
      'all matching rows', Math.min(total, MAX_REINGEST));
  });

  async function refresh() {
    const group = param('group');
    for (const b of grouping.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.group === group));
    await table.load();
    updateButtons();
    groupsSection.hidden = !group;
    if (group) await loadGroups(group);
    if (detail.isOpen()) await showRow(detail.key(), false);
  }

  if (detail.requested()) showRow(detail.requested(), true).catch(() => detail.close());
  return { refresh, every: 0 };
}
