// Gateways: one MQTT login publishing for the devices assigned to it. The list (paged and filtered
// by the server), and per gateway a detail panel (?open=<id>, ?open=new) with its form, its devices
// and its credentials.

import { api, query } from '../api.js';
import { button, el, focusOn } from '../dom.js';
import { formatTime } from '../format.js';
import { badge } from '../components/badge.js';
import { credentialsSection } from '../components/credentials.js';
import { drawer } from '../components/drawer.js';
import { field, formErrors } from '../components/form.js';
import { announce, statusLine } from '../components/live.js';
import { ACTIVE_VIEWS, activeParam, openRequested, toggleActive, toggleButton } from '../components/registry.js';
import { dataTable } from '../components/table.js';

export async function mount(root) {
  const message = statusLine({ id: 'gateways-message', 'data-testid': 'gateways-message' });
  const detail = drawer({ label: 'Gateway', testid: 'gateway-panel' });
  const newButton = el('button', { type: 'button', id: 'gateway-new', 'data-testid': 'gateway-new' }, 'New gateway');

  const table = dataTable({
    id: 'gateways',
    caption: 'Gateways (the id is the MQTT user name)',
    defaultSort: { sort: 'id', dir: 'asc' },
    noun: 'gateways',
    views: ACTIVE_VIEWS,
    filters: [{ name: 'q', label: 'Id or description', type: 'search' }],
    fetchPage: (q) => api(`/gateways${query({ q: q.q, active: activeParam(q.view), sort: q.sort, dir: q.dir, page: q.page, size: q.size })}`),
    rowKey: (g) => g.id,
    rowAttributes: (g) => ({ 'data-testid': 'gateway-row', 'data-gateway-id': g.id, 'data-active': String(g.active) }),
    columns: [
      { key: 'id', label: 'ID', sort: 'id', render: (g) => el('code', {}, g.id) },
      { key: 'description', label: 'Description', render: (g) => g.description ?? '' },
      { key: 'active', label: 'State', render: (g) => badge(g.active ? 'active' : 'inactive') },
      { key: 'actions', label: 'Actions', render: (g) => el('span', { class: 'actions' },
        button('Open', () => open(g.id, true), { 'data-testid': 'gateway-open', 'data-action': 'open', 'aria-label': `Open ${g.id}` }),
        el('a', { href: `/devices${query({ gatewayId: g.id })}`, 'data-testid': 'gateway-devices', 'aria-label': `Devices of ${g.id}` }, 'Devices'),
        toggleButton('gateway', g, toggle)) },
    ],
    empty: 'No gateway matches.',
  });

  root.append(el('div', { class: 'section-head' }, newButton), message.element, table.element, detail.element);

  function gatewayForm(g, notice = null) {
    const editing = g !== null;
    const saveMessage = statusLine({ id: 'gateway-message', 'data-testid': 'gateway-message' });
    const form = el('form', { id: 'gateway-form', 'data-testid': 'gateway-form', class: 'grid-form', novalidate: true },
      field('id', 'ID', { required: true, hint: 'Its MQTT user name; cannot change later.', attributes: { id: 'gateway-id', 'data-testid': 'gateway-id', disabled: editing, autocomplete: 'off' } }),
      field('description', 'Description', { attributes: { id: 'gateway-description', 'data-testid': 'gateway-description' } }),
      el('div', { class: 'actions' },
        el('button', { type: 'submit', id: 'gateway-save', 'data-testid': 'gateway-save' }, editing ? 'Save changes' : 'Create gateway'),
        saveMessage.element));
    if (editing) {
      form.elements.namedItem('id').value = g.id;
      form.elements.namedItem('description').value = g.description ?? '';
    }
    if (notice) saveMessage.say(notice);
    const errors = formErrors(form);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.clear();
      const body = {
        id: form.elements.namedItem('id').value.trim(),
        description: form.elements.namedItem('description').value.trim() || null,
      };
      try {
        const saved = editing
          ? await api(`/gateways/${encodeURIComponent(g.id)}`, { method: 'PUT', json: body })
          : await api('/gateways', { method: 'POST', json: body });
        await table.load();
        const text = `Saved gateway ${saved.id}.`;
        await open(saved.id, true, text);
        announce(text);
      } catch (e) {
        errors.show(e);
      }
    });
    return form;
  }

  async function open(id, focus, notice = null) {
    const g = await api(`/gateways/${encodeURIComponent(id)}`);
    const devices = await api(`/devices${query({ gatewayId: g.id, size: 100 })}`);
    const credentials = credentialsSection('gateways', g.id);
    detail.open({
      key: g.id,
      focus,
      heading: ['Gateway ', el('code', {}, g.id)],
      content: [
        el('p', { class: 'muted' }, `Created ${formatTime(g.createdAt)}, last changed ${formatTime(g.updatedAt)}. `, badge(g.active ? 'active' : 'inactive')),
        gatewayForm(g, notice),
        el('h3', {}, 'Devices it publishes for'),
        devices.total
          ? el('p', { 'data-testid': 'gateway-device-list' }, devices.items.map((d, i) => [i ? ', ' : '', el('code', {}, d.id)]),
            devices.total > devices.items.length ? ` and ${devices.total - devices.items.length} more` : '', ' · ',
            el('a', { href: `/devices${query({ gatewayId: g.id })}` }, 'all of them'))
          : el('p', { class: 'muted' }, 'None yet: set this gateway in a device\'s form.'),
        credentials.element,
      ],
    });
    await credentials.load();
  }

  function create() {
    detail.open({ key: 'new', heading: 'New gateway', content: gatewayForm(null) });
    focusOn(document.getElementById('gateway-id'));
  }

  async function toggle(item) {
    const outcome = await toggleActive(item, {
      kind: 'gateways',
      noun: 'gateway',
      effect: {
        deactivate: 'It can no longer log in to the broker: none of its devices\' messages arrive through it.',
        reactivate: 'It can log in again with its valid credentials.',
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
