// Quality at a glance for the building page's range: the share of 15-minute slots measured, filled
// or interpolated, and empty (counted by the server), and the readings of its devices quarantined
// in the range with their reasons, linked to the quarantine view.

import { api, query } from '../api.js';
import { el, nodes } from '../dom.js';
import { formatNumber, formatTime } from '../format.js';
import { pieces } from './building-data.js';

const MAX_DEVICES = 10;

function percent(n, total) {
  return total ? `${(Math.round((1000 * n) / total) / 10).toFixed(1)} %` : '–';
}

export function qualitySection() {
  const stats = el('div', { class: 'cards stats', 'data-testid': 'building-quality' });
  const bar = el('div', { class: 'quality-bar', role: 'img', 'data-testid': 'building-quality-bar' });
  const element = el('section', { 'aria-labelledby': 'building-quality-heading' },
    el('h2', { id: 'building-quality-heading' }, 'Quality of the range'),
    el('p', { class: 'muted' }, 'Each 15-minute slot by how its outdoor, flow and return temperature were obtained by the ETL: '
      + 'measured (all from readings of the slot), filled or interpolated, or empty (a value or the whole slot missing).'),
    stats, bar);

  async function load(buildingId, range, limits) {
    const total = { slots: 0, measured: 0, filled: 0, empty: 0 };
    for (const [from, to] of pieces(range.from, range.to, limits.maxRangeSeconds)) {
      const q = await api(`/buildings/${encodeURIComponent(buildingId)}/quality${query({ from: from.toISOString(), to: to.toISOString() })}`);
      for (const key of Object.keys(total)) total[key] += q[key];
    }
    const stat = (label, n, testid) => el('div', { class: 'card stat' }, el('h3', {}, label),
      el('p', {}, el('strong', { 'data-testid': testid, 'data-slots': String(n) }, percent(n, total.slots)), ` (${formatNumber(n)} slots)`));
    stats.replaceChildren(
      stat('Measured', total.measured, 'building-quality-measured'),
      stat('Filled or interpolated', total.filled, 'building-quality-filled'),
      stat('Empty', total.empty, 'building-quality-empty'));
    bar.setAttribute('aria-label', `Of ${formatNumber(total.slots)} slots: ${percent(total.measured, total.slots)} measured, `
      + `${percent(total.filled, total.slots)} filled or interpolated, ${percent(total.empty, total.slots)} empty`);
    bar.replaceChildren(...[['measured', total.measured], ['filled', total.filled], ['empty', total.empty]]
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => el('span', { class: `quality-${kind}`, style: `width: ${(100 * n) / total.slots}%` })));
  }

  return { element, load };
}

export function quarantineSection() {
  const list = el('div', { 'data-testid': 'building-quarantine' });
  const element = el('section', { 'aria-labelledby': 'building-quarantine-heading' },
    el('h2', { id: 'building-quarantine-heading' }, 'Quarantined in the range'),
    el('p', { class: 'muted' }, 'Readings of this building\'s devices that ingestion refused, received in the range, by reason; the newest five of each device.'),
    list);

  async function load(devices, range) {
    const from = range.from.toISOString();
    const to = range.to.toISOString();
    const shown = devices.slice(0, MAX_DEVICES);
    const parts = await Promise.all(shown.map(async (d) => {
      const filter = { deviceId: d.deviceId, from, to };
      const [groups, rows] = await Promise.all([
        api(`/quarantine/groups${query({ by: 'reason', ...filter, limit: 50 })}`),
        api(`/quarantine${query({ ...filter, size: 5 })}`),
      ]);
      if (!groups.length) return null;
      const count = groups.reduce((a, g) => a + g.rows, 0);
      return el('div', { 'data-testid': 'building-quarantine-device', 'data-device-id': d.deviceId },
        el('h3', {}, el('code', {}, d.deviceId), `: ${formatNumber(count)} quarantined`),
        el('p', {}, groups.map((g) => `${g.key ?? 'whole message'}: ${formatNumber(g.rows)}`).join(' · '), ' ',
          el('a', { href: `/quarantine${query(filter)}`, 'data-testid': 'building-quarantine-link' }, `Open these ${formatNumber(count)} in the quarantine`)),
        el('div', { class: 'table-scroll' }, el('table', {},
          el('caption', {}, `Newest quarantined of ${d.deviceId}`),
          el('thead', {}, el('tr', {}, ...['Received', 'Sensor', 'Reason', 'Detail'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...rows.items.map((r) => el('tr', { 'data-testid': 'building-quarantine-row' },
            el('th', { scope: 'row' }, el('a', { href: `/quarantine${query({ open: r.id })}` }, formatTime(r.receivedAt))),
            el('td', {}, r.sensorId ?? '–'), el('td', {}, r.reason), el('td', {}, r.detail ?? '')))))));
    }));
    const found = parts.filter(Boolean);
    list.replaceChildren(...nodes(found,
      found.length ? null : el('p', { 'data-testid': 'building-quarantine-none' }, 'Nothing quarantined in this range.'),
      devices.length > MAX_DEVICES ? el('p', { class: 'muted' }, `Only the first ${MAX_DEVICES} of ${devices.length} devices are listed.`) : null));
  }

  return { element, load };
}
