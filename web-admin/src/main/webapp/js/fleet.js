// Fleet: per building and device liveness, arrival rate and quarantine, and the storage mode.
'use strict';

let fleetTimer = null;
let openBuilding = null;

function reasons(map) {
  const entries = Object.entries(map || {});
  return entries.length ? entries.map(([reason, n]) => `${reason}: ${n}`).join(', ') : '';
}

function total(map) {
  return Object.values(map || {}).reduce((a, b) => a + b, 0);
}

const rate = (value) => (Math.round(value * 10) / 10).toString();

async function loadFleet() {
  try {
    const o = await api('/ops/overview');
    document.getElementById('storage-mode').textContent = o.storageMode || ('unknown: ' + (o.storageModeProblem || ''));
    document.getElementById('fleet-checked').textContent = formatTime(o.checkedAt);
    document.getElementById('fleet-devices').textContent = o.devices;
    document.getElementById('fleet-online').textContent = o.online;
    document.getElementById('fleet-offline').textContent = o.offline;
    document.getElementById('fleet-never-seen').textContent = o.neverSeen;
    document.getElementById('fleet-rate').textContent = rate(o.readingsPerMinute);
    document.getElementById('fleet-rule').textContent =
      `Offline after ${o.offlineAfterMinutes} min without a message; online again after ${o.onlineAfterMessages} messages. Readings/min = arrivals of the last 5 minutes.`;
    document.getElementById('fleet-building-rows').replaceChildren(...o.buildings.map((b) => {
      const row = el('tr', { 'data-testid': 'fleet-building-row', 'data-building-id': b.buildingId, class: b.buildingId === openBuilding ? 'selected' : null },
        el('td', {}, el('a', { href: '#', 'data-testid': 'fleet-building-open' }, b.buildingId)), el('td', {}, b.name + (b.active ? '' : ' (inactive)')),
        el('td', {}, b.devices), el('td', { 'data-testid': 'fleet-building-online' }, b.online),
        el('td', { 'data-testid': 'fleet-building-offline' }, b.offline), el('td', {}, b.neverSeen),
        el('td', {}, formatTime(b.lastSeen)), el('td', {}, rate(b.readingsPerMinute)),
        el('td', { title: reasons(b.quarantineByReason) }, total(b.quarantineByReason)));
      row.querySelector('a').addEventListener('click', (e) => { e.preventDefault(); showDevices(b.buildingId); });
      return row;
    }));
    document.getElementById('quarantine-reason-rows').replaceChildren(...o.quarantineByReason.map((r) => el('tr', {
      'data-testid': 'quarantine-reason-row', 'data-reason': r.reason,
    }, el('td', {}, el('a', { href: '/quarantine.html?reason=' + encodeURIComponent(r.reason) }, r.reason)), el('td', {}, r.stored), el('td', {}, r.dropped))));
    say('fleet-error', '');
    if (openBuilding) await showDevices(openBuilding);
  } catch (e) {
    say('fleet-error', 'Cannot load the fleet: ' + e.message, 'error');
  }
}

async function showDevices(buildingId) {
  openBuilding = buildingId;
  const devices = await api('/ops/devices' + query({ buildingId }));
  document.getElementById('fleet-devices-panel').hidden = false;
  document.getElementById('fleet-devices-building').textContent = buildingId;
  document.getElementById('fleet-device-rows').replaceChildren(...devices.map((d) => el('tr', {
    'data-testid': 'fleet-device-row', 'data-device-id': d.deviceId, 'data-state': d.state,
  },
    el('td', {}, el('code', {}, d.deviceId), d.active ? '' : ' (inactive)'),
    el('td', { class: d.state === 'online' ? 'status-completed' : d.state === 'offline' ? 'status-failed' : 'status-unknown' }, d.state.replace('_', ' ')),
    el('td', {}, formatTime(d.lastSeen)), el('td', {}, formatTime(d.lastReadingTime)), el('td', {}, rate(d.readingsPerMinute)),
    el('td', {}, d.messageCount),
    el('td', {}, el('a', { href: '/quarantine.html?deviceId=' + encodeURIComponent(d.deviceId) }, reasons(d.quarantineByReason) || '–')))));
}

function scheduleFleet() {
  clearInterval(fleetTimer);
  if (document.getElementById('fleet-auto-refresh').checked) fleetTimer = setInterval(loadFleet, 15000);
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('fleet-refresh').addEventListener('click', loadFleet);
  document.getElementById('fleet-auto-refresh').addEventListener('change', scheduleFleet);
  loadFleet();
  scheduleFleet();
});
