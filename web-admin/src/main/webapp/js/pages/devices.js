// Devices: the registry's list (paged and filtered by the server, also by building or gateway),
// and per device a detail panel (?open=<id>, ?open=new) with its form and its credentials.

import { api, query } from '../api.js';
import { button, el, focusOn } from '../dom.js';
import { formatReport, formatTime } from '../format.js';
import { param } from '../router.js';
import { badge } from '../components/badge.js';
import { credentialsSection } from '../components/credentials.js';
import { drawer } from '../components/drawer.js';
import { field, formErrors } from '../components/form.js';
import { announce, statusLine } from '../components/live.js';
import { ACTIVE_VIEWS, activeParam, openRequested, toggleActive, toggleButton } from '../components/registry.js';
import { dataTable } from '../components/table.js';

export async function mount(root) {
  const message = statusLine({ id: 'devices-message', 'data-testid': 'devices-message' });
  const detail = drawer({ label: 'Device', testid: 'device-panel' });
  const newButton = el('button', { type: 'button', id: 'device-new', 'data-testid': 'device-new' }, 'New device');

  const table = dataTable({
    id: 'devices',
    caption: 'Registered devices',
    defaultSort: { sort: 'id', dir: 'asc' },
    noun: 'devices',
    views: ACTIVE_VIEWS,
    filters: [
      { name: 'q', label: 'Id or description', type: 'search' },
      { name: 'buildingId', label: 'Building id', type: 'text' },
      { name: 'gatewayId', label: 'Gateway id', type: 'text' },
    ],
    fetchPage: (q) => api(`/devices${query({
      q: q.q, buildingId: q.buildingId, gatewayId: q.gatewayId,
      active: activeParam(q.view), sort: q.sort, dir: q.dir, page: q.page, size: q.size,
    })}`),
    rowKey: (d) => d.id,
    rowAttributes: (d) => ({ 'data-testid': 'device-row', 'data-device-id': d.id, 'data-active': String(d.active) }),
    columns: [
      { key: 'id', label: 'ID', sort: 'id', render: (d) => el('code', {}, d.id) },
      { key: 'buildingId', label: 'Building', sort: 'building', render: (d) => el('a', { href: `/buildings${query({ open: d.buildingId })}` }, d.buildingId) },
      { key: 'gatewayId', label: 'Gateway', render: (d) => (d.gatewayId ? el('code', { 'data-testid': 'device-gateway-cell' }, d.gatewayId) : el('span', { 'data-testid': 'device-gateway-cell' }, '')) },
      { key: 'description', label: 'Description', render: (d) => d.description ?? '' },
      { key: 'report', label: 'Last report', render: (d) => el('span', { 'data-testid': 'device-report-cell', class: d.report ? null : 'muted' }, formatReport(d.report)) },
      { key: 'active', label: 'State', render: (d) => badge(d.active ? 'active' : 'inactive') },
      { key: 'actions', label: 'Actions', render: (d) => el('span', { class: 'actions' },
        button('Edit', () => open(d.id, true), { 'data-testid': 'device-edit', 'data-action': 'edit', 'aria-label': `Edit ${d.id}` }),
        button('Credentials', () => open(d.id, true, true), { 'data-testid': 'device-credentials', 'data-action': 'credentials', 'aria-label': `Credentials of ${d.id}` }),
        toggleButton('device', d, toggle)) },
    ],
    empty: 'No device matches.',
  });

  root.append(el('div', { class: 'section-head' }, newButton), message.element, table.element, detail.element);

  function deviceForm(d, notice = null) {
    const editing = d !== null;
    const saveMessage = statusLine({ id: 'device-message', 'data-testid': 'device-message' });
    const form = el('form', { id: 'device-form', 'data-testid': 'device-form', class: 'grid-form', novalidate: true },
      field('id', 'ID', { required: true, hint: 'Also its MQTT user name; cannot change later.', attributes: { id: 'device-id', 'data-testid': 'device-id', disabled: editing, autocomplete: 'off' } }),
      field('buildingId', 'Building ID', { required: true, attributes: { id: 'device-building', 'data-testid': 'device-building', autocomplete: 'off' } }),
      field('gatewayId', 'Gateway ID', { hint: 'Leave empty when the device logs in itself.', attributes: { id: 'device-gateway', 'data-testid': 'device-gateway', autocomplete: 'off' } }),
      field('description', 'Description', { attributes: { id: 'device-description', 'data-testid': 'device-description' } }),
      el('div', { class: 'actions' },
        el('button', { type: 'submit', id: 'device-save', 'data-testid': 'device-save' }, editing ? 'Save changes' : 'Create device'),
        saveMessage.element));
    const values = d ?? { buildingId: param('buildingId'), gatewayId: param('gatewayId') };
    for (const input of form.elements) {
      if (input.name && values[input.name] !== undefined) input.value = values[input.name] ?? '';
    }
    if (notice) saveMessage.say(notice);
    const errors = formErrors(form);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.clear();
      saveMessage.say('Saving…', 'busy');
      const body = {};
      for (const input of form.elements) {
        if (input.name) body[input.name] = input.value.trim() === '' ? null : input.value.trim();
      }
      try {
        const saved = editing
          ? await api(`/devices/${encodeURIComponent(d.id)}`, { method: 'PUT', json: body })
          : await api('/devices', { method: 'POST', json: body });
        await table.load();
        const text = `Saved device ${saved.id}.`;
        await open(saved.id, true, false, text);
        announce(text);
      } catch (e) {
        saveMessage.say('');
        errors.show(e);
      }
    });
    return form;
  }

  async function open(id, focus, atCredentials = false, notice = null) {
    const d = await api(`/devices/${encodeURIComponent(id)}`);
    const credentials = credentialsSection('devices', d.id);
    detail.open({
      key: d.id,
      focus: focus && !atCredentials,
      heading: ['Device ', el('code', {}, d.id)],
      content: [
        el('p', { class: 'muted' }, `Created ${formatTime(d.createdAt)}, last changed ${formatTime(d.updatedAt)}. `, badge(d.active ? 'active' : 'inactive')),
        el('p', { 'data-testid': 'device-report' }, 'Last report: ', formatReport(d.report)),
        deviceForm(d, notice),
        credentials.element,
      ],
    });
    await credentials.load();
    if (focus && atCredentials) focusOn(credentials.heading);
  }

  function create() {
    detail.open({ key: 'new', heading: 'New device', content: deviceForm(null) });
    document.getElementById('device-id').focus();
  }

  async function toggle(item) {
    const outcome = await toggleActive(item, {
      kind: 'devices',
      noun: 'device',
      effect: {
        deactivate: 'Its messages are refused (quarantined as inactive_device) until it is reactivated; its credentials stay as they are.',
        reactivate: 'Its messages are taken again.',
      },
    });
    if (!outcome) return;
    message.say(outcome.text, outcome.ok ? 'ok' : 'error');
    await table.load();
    if (outcome.ok && detail.isOpen() && detail.key() === item.id) await open(item.id, false);
  }

  newButton.addEventListener('click', create);
  openRequested(detail, create, open);
  return { refresh: () => table.load(), every: 0 };
}
