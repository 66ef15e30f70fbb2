// Gateways on the devices page: paged list, create, deactivate / reactivate, credentials (the
// panel of devices.js). Devices are assigned to a gateway in the device form.
'use strict';

const gatewayState = { page: 0, size: 20, total: 0 };

async function loadGateways() {
  try {
    const page = await api('/gateways' + query({ page: gatewayState.page, size: gatewayState.size }));
    gatewayState.total = page.total;
    document.getElementById('gateway-rows').replaceChildren(...page.items.map(gatewayRow));
    showPage('gateways', gatewayState);
    say('gateways-error', '');
  } catch (e) {
    say('gateways-error', 'Cannot load gateways: ' + e.message, 'error');
  }
}

function gatewayRow(g) {
  return el('tr', { 'data-testid': 'gateway-row', 'data-gateway-id': g.id, 'data-active': String(g.active) },
    el('td', {}, el('code', {}, g.id)), el('td', {}, g.description ?? ''),
    el('td', { class: g.active ? 'status-completed' : 'status-failed' }, g.active ? 'active' : 'inactive'),
    el('td', {},
      button('Devices', 'gateway-devices', () => showGatewayDevices(g.id)), ' ',
      button('Credentials', 'gateway-credentials', () => showCredentials('gateways', g.id)), ' ',
      button(g.active ? 'Deactivate' : 'Reactivate', 'gateway-toggle', () => toggleGateway(g))));
}

function showGatewayDevices(id) {
  document.getElementById('device-gateway-filter').value = id;
  deviceState.page = 0;
  loadDevices();
  document.getElementById('devices-heading').scrollIntoView();
}

async function toggleGateway(g) {
  try {
    await api(`/gateways/${encodeURIComponent(g.id)}/${g.active ? 'deactivate' : 'reactivate'}`, { method: 'POST' });
    await loadGateways();
  } catch (e) {
    say('gateways-error', e.message, 'error');
  }
}

async function createGateway(event) {
  event.preventDefault();
  const body = {
    id: document.getElementById('gateway-id').value.trim(),
    description: document.getElementById('gateway-description').value.trim() || null,
  };
  try {
    const created = await api('/gateways', { method: 'POST', json: body });
    document.getElementById('gateway-form').reset();
    say('gateway-message', `Created gateway ${created.id}.`);
    await loadGateways();
  } catch (e) {
    say('gateway-message', e.message, 'error');
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('gateway-form').addEventListener('submit', createGateway);
  pager('gateways', gatewayState, loadGateways);
  loadGateways();
});
