// Fleet: triage first. Totals, then the buildings a page at a time from the server, searched,
// sorted and filtered to a view ("Problems only" = offline, stale, never seen or quarantining),
// each with its last message apart from its newest reading. A building's devices open in the
// detail panel (?open=<building>), with links to their quarantine.

import { api, query } from '../api.js';
import { button, el } from '../dom.js';
import { formatDuration, formatNumber, formatRate, formatTime, relative, formatReport } from '../format.js';
import { badge } from '../components/badge.js';
import { timeChart } from '../components/chart.js';
import { drawer } from '../components/drawer.js';
import { dataTable } from '../components/table.js';
import { detailPath } from '../pages.js';

const VIEWS = [
  { value: 'all', label: 'All' },
  { value: 'problems', label: 'Problems only' },
  { value: 'offline', label: 'Offline' },
  { value: 'stale', label: 'Stale' },
  { value: 'never_seen', label: 'Never seen' },
  { value: 'quarantining', label: 'Quarantining' },
  { value: 'inactive', label: 'Inactive' },
];

function when(value) {
  if (!value) return el('span', { class: 'muted' }, 'never');
  return el('time', { datetime: value, title: relative(value) }, formatTime(value), el('span', { class: 'ago' }, ` (${relative(value)})`));
}

// the optimisation filters (issue 23): the newest result, the newest command, the latest finished run
const OPTIMIZATION_FILTERS = [
  { value: '', label: 'Any' },
  { value: 'failed', label: 'Failed in the latest portfolio run' },
  { value: 'fallback', label: 'Newest result a fallback' },
  { value: 'rejected', label: 'Newest setpoint rejected' },
  { value: 'expired', label: 'Newest setpoint expired' },
];

function optimizationCell(b) {
  const o = b.optimization;
  const r = o?.result;
  const failed = o?.lastRun ? [badge(o.lastRun.status.toLowerCase(), `${o.lastRun.status.toLowerCase()} in the latest run`, { title: o.lastRun.reason }), ' '] : null;
  if (!r) return el('span', { 'data-testid': 'fleet-building-optimization' }, failed, el('span', { class: 'muted' }, 'none yet'));
  const flow = `${r.flowC.toFixed(1)} / ${r.baselineFlowC == null ? '–' : r.baselineFlowC.toFixed(1)} °C, ${r.savingsPct.toFixed(1)} %`;
  return el('span', { 'data-testid': 'fleet-building-optimization', 'data-fallback': r.fallback ?? '' },
    failed, el('time', { datetime: r.asOf, title: `${formatTime(r.asOf)} (${r.origin})` }, flow),
    r.fallback ? [' ', badge('fallback', r.fallback, { title: r.fallbackReason })] : null);
}

function deliveryCell(b) {
  const d = b.optimization?.delivery;
  if (!d) return el('span', { class: 'muted' }, '–');
  return el('span', { 'data-testid': 'fleet-building-delivery', 'data-state': d.state.toLowerCase() },
    badge(d.state.toLowerCase(), null, { title: d.reason ?? '' }), ' ', el('span', { class: 'ago' }, relative(d.at)));
}

function count(n, state) {
  return n > 0 ? badge(state, formatNumber(n)) : el('span', { class: 'muted' }, '0');
}

export async function mount(root) {
  const cards = el('div', { class: 'cards stats', 'data-testid': 'fleet-stats' });
  const storage = el('strong', { id: 'storage-mode', 'data-testid': 'storage-mode' }, '…');
  const rule = el('p', { id: 'fleet-rule', 'data-testid': 'fleet-rule', class: 'muted' });
  const chart = timeChart({
    title: 'Readings stored per minute, fleet',
    label: 'readings / min',
    testid: 'fleet-rate-chart',
    summary: (points) => (points.length
      ? `${points.length} samples over the last ${formatDuration((new Date(points.at(-1).at) - new Date(points[0].at)) / 1000)}; latest ${formatRate(points.at(-1).value)} per minute.`
      : 'No samples yet: the server measures while someone watches this page.'),
  });
  const detail = drawer({ label: 'Building', testid: 'fleet-devices-panel' });

  const table = dataTable({
    id: 'fleet-buildings',
    caption: 'Buildings of the fleet',
    noun: 'buildings',
    views: VIEWS,
    defaultView: 'all',
    defaultSort: { sort: 'id', dir: 'asc' },
    filters: [
      { name: 'q', label: 'Building id or name', type: 'search' },
      { name: 'optimization', label: 'Optimisation', type: 'select', choices: OPTIMIZATION_FILTERS },
    ],
    fetchPage: (q) => api(`/ops/fleet${query(q)}`),
    rowKey: (b) => b.buildingId,
    rowAttributes: (b) => ({ 'data-testid': 'fleet-building-row', 'data-building-id': b.buildingId, 'data-problems': b.problems.join(' ') }),
    columns: [
      { key: 'buildingId', label: 'Building', sort: 'id', render: (b) => button(b.buildingId, () => openBuilding(b.buildingId, true), { class: 'link', 'data-testid': 'fleet-building-open', 'data-action': 'open', 'aria-label': `Devices of ${b.buildingId}` }) },
      { key: 'name', label: 'Name', sort: 'name', render: (b) => [el('a', { href: detailPath('buildings', b.buildingId), 'data-testid': 'fleet-building-page', 'data-action': 'page', 'aria-label': `Building page of ${b.buildingId}: ${b.name}` }, b.name), b.active ? '' : ' ', b.active ? null : badge('inactive')] },
      { key: 'state', label: 'State', render: (b) => (b.problems.length ? b.problems.map((p) => badge(p)) : badge(b.active ? 'ok' : 'inactive', b.active ? 'ok' : 'inactive')) },
      { key: 'optimization', label: 'Last optimisation (flow / baseline, savings)', render: optimizationCell },
      { key: 'delivery', label: 'Newest setpoint', render: deliveryCell },
      { key: 'devices', label: 'Devices', sort: 'devices', className: 'num' },
      { key: 'online', label: 'Online', className: 'num', render: (b) => el('span', { 'data-testid': 'fleet-building-online' }, String(b.online)) },
      { key: 'offline', label: 'Offline', sort: 'offline', className: 'num', render: (b) => el('span', { 'data-testid': 'fleet-building-offline' }, count(b.offline, 'offline')) },
      { key: 'stale', label: 'Stale', sort: 'stale', className: 'num', render: (b) => count(b.stale, 'stale') },
      { key: 'neverSeen', label: 'Never seen', sort: 'never_seen', className: 'num', render: (b) => count(b.neverSeen, 'never_seen') },
      { key: 'lastMessage', label: 'Last message', sort: 'last_message', render: (b) => when(b.lastMessage) },
      { key: 'lastReading', label: 'Newest reading', sort: 'last_reading', render: (b) => when(b.lastReading) },
      { key: 'rate', label: 'Stored / min', className: 'num', render: (b) => (b.readingsPerMinute == null ? el('span', { class: 'muted' }, 'measuring') : formatRate(b.readingsPerMinute)) },
      { key: 'quarantined', label: 'Quarantined (24 h)', sort: 'quarantined', className: 'num', render: (b) => count(b.quarantinedRecently, 'quarantining') },
    ],
    empty: 'No building matches this view.',
  });

  root.append(
    el('section', { 'aria-labelledby': 'fleet-summary-heading' },
      el('div', { class: 'section-head' }, el('h2', { id: 'fleet-summary-heading' }, 'At a glance'),
        el('span', { class: 'muted' }, 'storage: ', storage)),
      cards, rule, chart.element),
    el('section', { 'aria-labelledby': 'fleet-buildings-heading' },
      el('h2', { id: 'fleet-buildings-heading' }, 'Buildings'),
      table.element),
    detail.element);

  function stat(label, value, testid, state = null) {
    return el('div', { class: `card stat ${state || ''}` }, el('h3', {}, label), el('p', {}, el('strong', { id: testid, 'data-testid': testid }, value)));
  }

  async function loadSummary() {
    const s = await api('/ops/fleet/summary');
    storage.textContent = s.storageMode || `unknown: ${s.storageModeProblem || ''}`;
    cards.replaceChildren(
      stat('Buildings', formatNumber(s.buildings), 'fleet-buildings-count'),
      stat('With problems', formatNumber(s.buildingsPerView.problems), 'fleet-problems', s.buildingsPerView.problems ? 'warn' : 'up'),
      stat('Devices', formatNumber(s.devices), 'fleet-devices'),
      stat('Online', formatNumber(s.online), 'fleet-online', 'up'),
      stat('Offline', formatNumber(s.offline), 'fleet-offline', s.offline ? 'down' : null),
      stat('Stale', formatNumber(s.stale), 'fleet-stale', s.stale ? 'warn' : null),
      stat('Never seen', formatNumber(s.neverSeen), 'fleet-never-seen'),
      stat('Stored / min', s.readingsPerMinute == null ? 'measuring…' : formatRate(s.readingsPerMinute), 'fleet-rate'));
    rule.textContent = `Offline: no message for ${formatDuration(s.offlineAfterMinutes * 60)} (online again after ${s.onlineAfterMessages} messages). `
      + `Stale: messages arrive, but the newest reading is older than ${formatDuration(s.offlineAfterMinutes * 60)} (e.g. a backlog being uploaded). `
      + `Quarantining: messages quarantined in the last ${s.quarantineWindowHours} h. `
      + 'Stored / min: readings the workers stored, backlog included, measured while this page is open.';
    table.setViewCounts(s.buildingsPerView);
    await chart.update(s.rateHistory.map((p) => ({ at: p.at, value: p.perMinute })));
  }

  async function openBuilding(buildingId, focus) {
    const devices = await api(`/ops/fleet/${encodeURIComponent(buildingId)}/devices`);
    const rows = devices.map((d) => el('tr', { 'data-testid': 'fleet-device-row', 'data-device-id': d.deviceId, 'data-state': d.state },
      el('th', { scope: 'row' }, el('code', {}, d.deviceId)),
      el('td', {}, badge(d.state)),
      el('td', {}, when(d.lastMessage)),
      el('td', {}, when(d.lastReading)),
      el('td', { class: 'num' }, formatNumber(d.messageCount)),
      el('td', { class: 'num' }, formatNumber(d.readingCount)),
      el('td', { 'data-testid': 'fleet-device-report' }, formatReport(d.report)),
      el('td', {}, Object.keys(d.quarantineByReason).length
        ? el('a', { href: `/quarantine${query({ deviceId: d.deviceId })}` },
          Object.entries(d.quarantineByReason).map(([r, n]) => `${r}: ${n}`).join(', '))
        : '–')));
    detail.open({
      key: buildingId,
      focus,
      heading: ['Devices of ', el('code', { 'data-testid': 'fleet-devices-building' }, buildingId)],
      content: [
        el('p', {}, el('a', { href: detailPath('buildings', buildingId), 'data-testid': 'fleet-devices-building-page' }, 'Open the building page'), ' · ',
          el('a', { href: `/devices${query({ buildingId })}` }, 'Manage these devices'), ' · ',
          el('a', { href: `/buildings${query({ open: buildingId })}` }, 'Edit the building')),
        el('div', { class: 'table-scroll' }, el('table', { 'data-testid': 'fleet-device-table' },
          el('caption', {}, `${devices.length} device(s)`),
          el('thead', {}, el('tr', {}, ...['Device', 'State', 'Last message', 'Newest reading', 'Messages', 'Readings', 'Report (firmware, signal, when)', 'Quarantine by reason'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...rows))),
      ],
    });
  }

  async function refresh() {
    await Promise.all([table.load(), loadSummary()]);
    if (detail.isOpen()) await openBuilding(detail.key(), false);
  }

  if (detail.requested()) openBuilding(detail.requested(), true).catch(() => detail.close());
  return { refresh, every: 15000 };
}
