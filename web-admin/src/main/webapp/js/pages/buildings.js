// Buildings: the registry's list (paged and filtered by the server), a form in the detail panel to
// create (?open=new) or edit (?open=<id>) one, deactivate / reactivate with a reason.

import { api, query } from '../api.js';
import { button, el } from '../dom.js';
import { formatTime } from '../format.js';
import { badge } from '../components/badge.js';
import { drawer } from '../components/drawer.js';
import { field, formErrors } from '../components/form.js';
import { announce, statusLine } from '../components/live.js';
import { ACTIVE_VIEWS, activeParam, openRequested, toggleActive, toggleButton } from '../components/registry.js';
import { dataTable } from '../components/table.js';
import { detailPath } from '../pages.js';

// The heating types, their limits and default curves come from GET /api/v1/heating-types (the
// domain's one list); nothing here names a type.
let heatingTypes = null;

async function loadHeatingTypes() {
  heatingTypes = heatingTypes ?? await api('/heating-types');
  return heatingTypes;
}

const NUMBERS = ['areaM2', 'yearBuilt', 'heatingCircuits', 'comfortTempMin', 'comfortTempMax',
  'nightSetbackStart', 'nightSetbackEnd', 'nightSetbackReduction',
  'curveBaseTemp', 'curveSlope', 'flowTempMin', 'flowTempMax'];
const CHECKS = ['hasDhw', 'nightSetbackEnabled'];

export async function mount(root) {
  const message = statusLine({ id: 'buildings-message', 'data-testid': 'buildings-message' });
  const detail = drawer({ label: 'Building', testid: 'building-panel' });
  const newButton = el('button', { type: 'button', id: 'building-new', 'data-testid': 'building-new' }, 'New building');

  const table = dataTable({
    id: 'buildings',
    caption: 'Registered buildings',
    defaultSort: { sort: 'id', dir: 'asc' },
    noun: 'buildings',
    views: ACTIVE_VIEWS,
    filters: [{ name: 'q', label: 'Id or name', type: 'search' }],
    fetchPage: (q) => api(`/buildings${query({ q: q.q, active: activeParam(q.view), sort: q.sort, dir: q.dir, page: q.page, size: q.size })}`),
    rowKey: (b) => b.id,
    rowAttributes: (b) => ({ 'data-testid': 'building-row', 'data-building-id': b.id, 'data-active': String(b.active) }),
    columns: [
      { key: 'id', label: 'ID', sort: 'id', render: (b) => el('a', { href: detailPath('buildings', b.id), 'data-testid': 'building-page-link', 'data-action': 'page', 'aria-label': `Building page of ${b.id}` }, el('code', {}, b.id)) },
      { key: 'name', label: 'Name', sort: 'name' },
      { key: 'timeZone', label: 'Time zone' },
      { key: 'heatingType', label: 'Heating' },
      { key: 'areaM2', label: 'Area m²', className: 'num', render: (b) => b.areaM2 ?? '' },
      { key: 'active', label: 'State', render: (b) => badge(b.active ? 'active' : 'inactive') },
      { key: 'actions', label: 'Actions', render: (b) => el('span', { class: 'actions' },
        button('Edit', () => edit(b.id, true), { 'data-testid': 'building-edit', 'data-action': 'edit', 'aria-label': `Edit ${b.id}` }),
        el('a', { href: `/devices${query({ buildingId: b.id })}`, 'data-testid': 'building-devices', 'aria-label': `Devices of ${b.id}` }, 'Devices'),
        toggleButton('building', b, toggle)) },
    ],
    empty: 'No building matches.',
  });

  root.append(
    el('div', { class: 'section-head' }, newButton),
    message.element,
    table.element,
    detail.element);

  function buildingForm(b, types, notice = null) {
    const editing = b !== null;
    const curveHint = el('p', { id: 'building-curve-hint', 'data-testid': 'building-curve-hint', class: 'hint' });
    const saveMessage = statusLine({ id: 'building-message', 'data-testid': 'building-message' });
    const form = el('form', { id: 'building-form', 'data-testid': 'building-form', class: 'grid-form', novalidate: true },
      field('id', 'ID', { required: true, hint: 'Letters, digits, ".", "_" or "-"; cannot change later.', attributes: { id: 'building-id', 'data-testid': 'building-id', disabled: editing, autocomplete: 'off' } }),
      field('name', 'Name', { required: true, hint: 'At most 200 characters.', attributes: { id: 'building-name', 'data-testid': 'building-name', autocomplete: 'off' } }),
      field('timeZone', 'Time zone (IANA)', { required: true, attributes: { id: 'building-time-zone', 'data-testid': 'building-time-zone', list: 'time-zones', value: 'Europe/Berlin' } }),
      field('heatingType', 'Heating type', { type: 'select', required: true, choices: [], attributes: { id: 'building-heating-type', 'data-testid': 'building-heating-type' } }),
      field('areaM2', 'Area m²', { type: 'number', attributes: { id: 'building-area', 'data-testid': 'building-area', step: 'any', min: 1 } }),
      field('yearBuilt', 'Year built', { type: 'number', attributes: { id: 'building-year', 'data-testid': 'building-year' } }),
      field('heatingCircuits', 'Heating circuits', { type: 'number', attributes: { id: 'building-circuits', 'data-testid': 'building-circuits', value: 1 } }),
      field('hasDhw', 'Hot water (DHW)', { type: 'checkbox', attributes: { id: 'building-dhw', 'data-testid': 'building-dhw', checked: true } }),
      field('comfortTempMin', 'Comfort min °C', { type: 'number', attributes: { id: 'building-comfort-min', 'data-testid': 'building-comfort-min', step: 0.5, value: 20 } }),
      field('comfortTempMax', 'Comfort max °C', { type: 'number', attributes: { id: 'building-comfort-max', 'data-testid': 'building-comfort-max', step: 0.5, value: 22 } }),
      field('nightSetbackEnabled', 'Night setback', { type: 'checkbox', attributes: { id: 'building-setback', 'data-testid': 'building-setback', checked: true } }),
      field('nightSetbackStart', 'Setback from (hour)', { type: 'number', attributes: { id: 'building-setback-start', 'data-testid': 'building-setback-start', value: 22 } }),
      field('nightSetbackEnd', 'Setback until (hour)', { type: 'number', attributes: { id: 'building-setback-end', 'data-testid': 'building-setback-end', value: 6 } }),
      field('nightSetbackReduction', 'Setback room reduction K', { type: 'number', hint: 'The room setpoint is lowered by this much; the flow falls by (1 + slope) times it.', attributes: { id: 'building-setback-reduction', 'data-testid': 'building-setback-reduction', step: 0.5, min: 0, max: 15, value: 3 } }),
      // left empty: the heating type's default curve (shown as placeholder and in the hint)
      field('curveBaseTemp', 'Curve base °C', { type: 'number', hint: 'Flow temperature at 20 °C outdoor.', attributes: { id: 'building-curve-base', 'data-testid': 'building-curve-base', step: 0.5 } }),
      field('curveSlope', 'Curve slope', { type: 'number', hint: 'Kelvin of flow per kelvin of outdoor temperature below 20 °C.', attributes: { id: 'building-curve-slope', 'data-testid': 'building-curve-slope', step: 0.05, min: 0 } }),
      field('flowTempMin', 'Flow min °C', { type: 'number', attributes: { id: 'building-flow-min', 'data-testid': 'building-flow-min', step: 0.5 } }),
      field('flowTempMax', 'Flow max °C', { type: 'number', attributes: { id: 'building-flow-max', 'data-testid': 'building-flow-max', step: 0.5 } }),
      curveHint,
      el('div', { class: 'actions' },
        el('button', { type: 'submit', id: 'building-save', 'data-testid': 'building-save' }, editing ? 'Save changes' : 'Create building'),
        saveMessage.element),
      el('datalist', { id: 'time-zones' }, ...(Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : ['Europe/Berlin', 'UTC']).map((z) => el('option', { value: z }))));
    const typeSelect = form.elements.namedItem('heatingType');
    typeSelect.replaceChildren(...types.map((t) => el('option', { value: t.code, 'data-testid': 'heating-type-option' }, `${t.code} (${t.label})`)));
    // placeholders and input limits of the curve fields for the selected heating type
    function showCurveDefaults() {
      const type = types.find((t) => t.code === typeSelect.value);
      if (!type) return;
      const { defaultCurve: curve, limits } = type;
      form.elements.namedItem('curveBaseTemp').placeholder = curve.curveBaseTemp;
      form.elements.namedItem('curveSlope').placeholder = curve.curveSlope;
      for (const name of ['flowTempMin', 'flowTempMax']) {
        Object.assign(form.elements.namedItem(name), { min: limits.flowTempMin, max: limits.flowTempMax, placeholder: curve[name] });
      }
      const returnLimit = limits.returnTempMax == null ? '' : `, return at most ${limits.returnTempMax} °C`;
      curveHint.textContent = `A ${type.label} runs flow temperatures from ${limits.flowTempMin} to ${limits.flowTempMax} °C${returnLimit}. `
        + `Empty curve fields take the default: ${curve.curveBaseTemp} + ${curve.curveSlope} · (20 − outdoor), `
        + `${curve.flowTempMin}–${curve.flowTempMax} °C.`;
    }
    typeSelect.addEventListener('change', showCurveDefaults);
    if (editing) {
      for (const input of form.elements) {
        if (!input.name || !(input.name in b)) continue;
        if (input.type === 'checkbox') input.checked = Boolean(b[input.name]);
        else input.value = b[input.name] ?? '';
      }
    }
    showCurveDefaults();
    if (notice) saveMessage.say(notice);
    const errors = formErrors(form);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.clear();
      saveMessage.say('Saving…', 'busy');
      const body = {};
      for (const input of form.elements) {
        if (!input.name) continue;
        if (CHECKS.includes(input.name)) body[input.name] = input.checked;
        else if (NUMBERS.includes(input.name)) body[input.name] = input.value.trim() === '' ? null : Number(input.value);
        else body[input.name] = input.value.trim() === '' ? null : input.value.trim();
      }
      try {
        const saved = editing
          ? await api(`/buildings/${encodeURIComponent(b.id)}`, { method: 'PUT', json: body })
          : await api('/buildings', { method: 'POST', json: body });
        await table.load();
        const text = `Saved building ${saved.id}.`;
        await edit(saved.id, true, text);
        announce(text);
      } catch (e) {
        saveMessage.say('');
        errors.show(e);
      }
    });
    return form;
  }

  async function edit(id, focus, notice = null) {
    const [b, types] = await Promise.all([api(`/buildings/${encodeURIComponent(id)}`), loadHeatingTypes()]);
    detail.open({ key: b.id, focus, heading: ['Building ', el('code', {}, b.id)], content: [
      el('p', { class: 'muted' }, `Created ${formatTime(b.createdAt)}, last changed ${formatTime(b.updatedAt)}. `, badge(b.active ? 'active' : 'inactive')),
      buildingForm(b, types, notice)] });
  }

  async function create() {
    let types;
    try {
      types = await loadHeatingTypes();
    } catch (e) {
      message.say(`Cannot load the heating types: ${e.message}`, 'error');
      return;
    }
    detail.open({ key: 'new', heading: 'New building', content: buildingForm(null, types) });
    document.getElementById('building-id').focus();
  }

  async function toggle(item) {
    const outcome = await toggleActive(item, {
      kind: 'buildings',
      noun: 'building',
      effect: {
        deactivate: 'Its devices are deactivated too: their messages are refused (quarantined) until each device is reactivated.',
        reactivate: 'The building takes readings again; its devices stay inactive until they are reactivated one by one.',
      },
      done: (r, deactivated) => (deactivated
        ? `Building ${r.building.id} deactivated with ${r.devicesDeactivated} device(s).`
        : `Building ${r.building.id} reactivated; its devices stay inactive until reactivated.`),
    });
    if (!outcome) return;
    message.say(outcome.text, outcome.ok ? 'ok' : 'error');
    await table.load();
    if (outcome.ok && detail.isOpen() && detail.key() === item.id) await edit(item.id, false);
  }

  newButton.addEventListener('click', create);
  openRequested(detail, create, edit);
  return { refresh: () => table.load(), every: 0 };
}
