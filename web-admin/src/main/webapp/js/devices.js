// Devices: paged list with filter, create / edit form, deactivate / reactivate, and the
// credentials panel, which gateways.js shares (credentialsOf: { kind: 'devices'|'gateways', id }).
'use strict';

const deviceState = { page: 0, size: 20, total: 0, editing: null, credentialsOf: null };

async function loadDevices() {
  try {
    const page = await api('/devices' + query({
      q: document.getElementById('device-search').value,
      buildingId: document.getElementById('device-building-filter').value.trim(),
      gatewayId: document.getElementById('device-gateway-filter').value.trim(),
      active: document.getElementById('device-active-filter').value,
      page: deviceState.page, size: deviceState.size,
    }));
    deviceState.total = page.total;
    document.getElementById('device-rows').replaceChildren(...page.items.map(deviceRow));
    showPage('devices', deviceState);
    say('devices-error', '');
  } catch (e) {
    say('devices-error', 'Cannot load devices: ' + e.message, 'error');
  }
}

function deviceRow(d) {
  return el('tr', { 'data-testid': 'device-row', 'data-device-id': d.id, 'data-active': String(d.active) },
    el('td', {}, el('code', {}, d.id)), el('td', {}, d.buildingId),
    el('td', { 'data-testid': 'device-gateway-cell' }, d.gatewayId ? el('code', {}, d.gatewayId) : ''),
    el('td', {}, d.description ?? ''),
    el('td', { class: d.active ? 'status-completed' : 'status-failed' }, d.active ? 'active' : 'inactive'),
    el('td', {},
      button('Edit', 'device-edit', () => edit(d)), ' ',
      button('Credentials', 'device-credentials', () => showCredentials('devices', d.id)), ' ',
      button(d.active ? 'Deactivate' : 'Reactivate', 'device-toggle', () => toggle(d))));
}

function edit(d) {
  deviceState.editing = d.id;
  document.getElementById('device-id').value = d.id;
  document.getElementById('device-id').disabled = true;
  document.getElementById('device-building').value = d.buildingId;
  document.getElementById('device-gateway').value = d.gatewayId ?? '';
  document.getElementById('device-description').value = d.description ?? '';
  document.getElementById('device-form-mode').textContent = 'edit ' + d.id;
  say('device-message', '');
}

function newDevice() {
  deviceState.editing = null;
  document.getElementById('device-form').reset();
  document.getElementById('device-id').disabled = false;
  document.getElementById('device-building').value = document.getElementById('device-building-filter').value;
  document.getElementById('device-gateway').value = document.getElementById('device-gateway-filter').value;
  document.getElementById('device-form-mode').textContent = 'new';
  say('device-message', '');
}

async function toggle(d) {
  try {
    await api(`/devices/${encodeURIComponent(d.id)}/${d.active ? 'deactivate' : 'reactivate'}`, { method: 'POST' });
    await loadDevices();
  } catch (e) {
    say('devices-error', e.message, 'error');
  }
}

async function save(event) {
  event.preventDefault();
  const body = {
    id: document.getElementById('device-id').value.trim(),
    buildingId: document.getElementById('device-building').value.trim(),
    gatewayId: document.getElementById('device-gateway').value.trim() || null,
    description: document.getElementById('device-description').value.trim() || null,
  };
  try {
    const saved = deviceState.editing
      ? await api('/devices/' + encodeURIComponent(deviceState.editing), { method: 'PUT', json: body })
      : await api('/devices', { method: 'POST', json: body });
    edit(saved);
    say('device-message', `Saved device ${saved.id}.`);
    await loadDevices();
  } catch (e) {
    say('device-message', e.message, 'error');
  }
}

async function showCredentials(kind, id) {
  deviceState.credentialsOf = { kind, id };
  document.getElementById('credentials-panel').hidden = false;
  document.getElementById('credentials-kind').textContent = kind === 'gateways' ? 'gateway' : 'device';
  document.getElementById('credentials-device').textContent = id;
  document.getElementById('credential-secret').hidden = true;
  document.getElementById('credential-token').textContent = '';
  await loadCredentials();
}

function credentialsPath() {
  const { kind, id } = deviceState.credentialsOf;
  return `/${kind}/${encodeURIComponent(id)}/credentials`;
}

async function loadCredentials() {
  try {
    const list = await api(credentialsPath());
    document.getElementById('credential-rows').replaceChildren(...list.map((c) => el('tr', {
      'data-testid': 'credential-row', 'data-credential-id': c.id, 'data-state': c.state,
    },
      el('td', {}, c.id), el('td', {}, el('code', {}, c.tokenHint)), el('td', {}, c.state),
      el('td', {}, formatTime(c.createdAt) + ' by ' + c.createdBy), el('td', {}, formatTime(c.expiresAt)),
      el('td', {}, c.revokedAt ? formatTime(c.revokedAt) + ' by ' + c.revokedBy : ''),
      el('td', {}, c.state === 'revoked' || c.state === 'expired' ? '' : button('Revoke', 'credential-revoke', () => revokeOne(c.id))))));
  } catch (e) {
    say('credential-message', e.message, 'error');
  }
}

function showSecret(issued) {
  document.getElementById('credential-secret').hidden = false;
  document.getElementById('credential-token-notice').textContent = issued.notice;
  document.getElementById('credential-mqtt-user').textContent = issued.mqttUsername;
  document.getElementById('credential-token').textContent = issued.token;
}

async function credentialCall(path, options, message) {
  try {
    const result = await api(credentialsPath() + path, options);
    if (result && result.token) showSecret(result);
    say('credential-message', typeof message === 'function' ? message(result) : message);
    await loadCredentials();
  } catch (e) {
    say('credential-message', e.message, 'error');
  }
}

const revokeOne = (id) => credentialCall('/' + id, { method: 'DELETE' }, `Credential ${id} revoked.`);

document.addEventListener('DOMContentLoaded', () => {
  const params = new URLSearchParams(window.location.search);
  document.getElementById('device-building-filter').value = params.get('buildingId') || '';
  document.getElementById('device-gateway-filter').value = params.get('gatewayId') || '';
  document.getElementById('device-filter').addEventListener('submit', (e) => { e.preventDefault(); deviceState.page = 0; loadDevices(); });
  document.getElementById('device-form').addEventListener('submit', save);
  document.getElementById('device-new').addEventListener('click', newDevice);
  document.getElementById('credential-issue').addEventListener('click', () => credentialCall('', { method: 'POST' }, 'Credential issued.'));
  document.getElementById('credential-rotate').addEventListener('click', () => credentialCall(
    '/rotate' + query({ overlap: document.getElementById('credential-overlap').value.trim() }), { method: 'POST' }, 'Credential rotated.'));
  document.getElementById('credential-revoke-all').addEventListener('click', () => {
    if (confirm(`Revoke every credential of ${deviceState.credentialsOf.id} now?`)) {
      credentialCall('', { method: 'DELETE' }, (r) => `${r.revoked} credential(s) revoked.`);
    }
  });
  pager('devices', deviceState, loadDevices);
  loadDevices();
});
