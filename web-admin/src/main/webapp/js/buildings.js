// Buildings: paged list with filter, create / edit form, deactivate / reactivate.
'use strict';

const buildingState = { page: 0, size: 20, total: 0, editing: null, heatingTypes: [] };
const FIELDS = {
  id: 'building-id', name: 'building-name', timeZone: 'building-time-zone', heatingType: 'building-heating-type',
  areaM2: 'building-area', yearBuilt: 'building-year', heatingCircuits: 'building-circuits',
  comfortTempMin: 'building-comfort-min', comfortTempMax: 'building-comfort-max',
  nightSetbackStart: 'building-setback-start', nightSetbackEnd: 'building-setback-end',
  nightSetbackReduction: 'building-setback-reduction',
  curveBaseTemp: 'building-curve-base', curveSlope: 'building-curve-slope',
  flowTempMin: 'building-flow-min', flowTempMax: 'building-flow-max',
};
const CHECKS = { hasDhw: 'building-dhw', nightSetbackEnabled: 'building-setback' };
const NUMBERS = new Set(['areaM2', 'yearBuilt', 'heatingCircuits', 'comfortTempMin', 'comfortTempMax',
  'nightSetbackStart', 'nightSetbackEnd', 'nightSetbackReduction',
  'curveBaseTemp', 'curveSlope', 'flowTempMin', 'flowTempMax']);

// The heating types, their limits and default curves come from the API (the domain's one list);
// nothing here names a type.
async function loadHeatingTypes() {
  try {
    buildingState.heatingTypes = await api('/heating-types');
    document.getElementById('building-heating-type').replaceChildren(...buildingState.heatingTypes.map(
      (t) => el('option', { value: t.code, 'data-testid': 'heating-type-option' }, `${t.code} (${t.label})`)));
    showCurveDefaults();
  } catch (e) {
    say('building-message', 'Cannot load the heating types: ' + e.message, 'error');
  }
}

/** Placeholders and input limits of the curve fields for the selected heating type. */
function showCurveDefaults() {
  const type = buildingState.heatingTypes.find((t) => t.code === document.getElementById('building-heating-type').value);
  if (!type) return;
  const curve = type.defaultCurve;
  const limits = type.limits;
  document.getElementById('building-curve-base').placeholder = curve.curveBaseTemp;
  document.getElementById('building-curve-slope').placeholder = curve.curveSlope;
  for (const id of ['building-flow-min', 'building-flow-max']) {
    Object.assign(document.getElementById(id), { min: limits.flowTempMin, max: limits.flowTempMax });
  }
  document.getElementById('building-flow-min').placeholder = curve.flowTempMin;
  document.getElementById('building-flow-max').placeholder = curve.flowTempMax;
  const returnLimit = limits.returnTempMax == null ? '' : `, return at most ${limits.returnTempMax} °C`;
  document.getElementById('building-curve-hint').textContent =
    `A ${type.label} runs flow temperatures from ${limits.flowTempMin} to ${limits.flowTempMax} °C${returnLimit}. ` +
    `Empty curve fields take the default: ${curve.curveBaseTemp} + ${curve.curveSlope} · (20 − outdoor), ` +
    `${curve.flowTempMin}–${curve.flowTempMax} °C.`;
}

async function loadBuildings() {
  try {
    const page = await api('/buildings' + query({
      q: document.getElementById('building-search').value,
      active: document.getElementById('building-active-filter').value,
      page: buildingState.page, size: buildingState.size,
    }));
    buildingState.total = page.total;
    document.getElementById('building-rows').replaceChildren(...page.items.map(buildingRow));
    showPage('buildings', buildingState);
    say('buildings-error', '');
  } catch (e) {
    say('buildings-error', 'Cannot load buildings: ' + e.message, 'error');
  }
}

function buildingRow(b) {
  return el('tr', { 'data-testid': 'building-row', 'data-building-id': b.id, 'data-active': String(b.active) },
    el('td', {}, el('code', {}, b.id)), el('td', {}, b.name), el('td', {}, b.timeZone), el('td', {}, b.heatingType),
    el('td', {}, b.areaM2 ?? ''), el('td', { class: b.active ? 'status-completed' : 'status-failed' }, b.active ? 'active' : 'inactive'),
    el('td', {},
      button('Edit', 'building-edit', () => edit(b)), ' ',
      el('a', { href: '/devices.html?buildingId=' + encodeURIComponent(b.id), 'data-testid': 'building-devices' }, 'devices'), ' ',
      button(b.active ? 'Deactivate' : 'Reactivate', 'building-toggle', () => toggle(b))));
}

function edit(b) {
  buildingState.editing = b.id;
  for (const [field, id] of Object.entries(FIELDS)) document.getElementById(id).value = b[field] ?? '';
  for (const [field, id] of Object.entries(CHECKS)) document.getElementById(id).checked = !!b[field];
  document.getElementById('building-id').disabled = true;
  document.getElementById('building-form-mode').textContent = 'edit ' + b.id;
  showCurveDefaults();
  say('building-message', '');
}

function newBuilding() {
  buildingState.editing = null;
  document.getElementById('building-form').reset();
  document.getElementById('building-id').disabled = false;
  document.getElementById('building-form-mode').textContent = 'new';
  showCurveDefaults();
  say('building-message', '');
}

async function toggle(b) {
  const action = b.active ? 'deactivate' : 'reactivate';
  if (b.active && !confirm(`Deactivate building ${b.id} and all its devices?`)) return;
  try {
    const result = await api(`/buildings/${encodeURIComponent(b.id)}/${action}`, { method: 'POST' });
    say('buildings-error', b.active ? `${b.id} deactivated with ${result.devicesDeactivated} devices` : `${b.id} reactivated (its devices stay inactive until reactivated)`);
    await loadBuildings();
  } catch (e) {
    say('buildings-error', e.message, 'error');
  }
}

async function save(event) {
  event.preventDefault();
  const body = {};
  for (const [field, id] of Object.entries(FIELDS)) {
    const value = document.getElementById(id).value.trim();
    body[field] = value === '' ? null : NUMBERS.has(field) ? Number(value) : value;
  }
  for (const [field, id] of Object.entries(CHECKS)) body[field] = document.getElementById(id).checked;
  try {
    const saved = buildingState.editing
      ? await api('/buildings/' + encodeURIComponent(buildingState.editing), { method: 'PUT', json: body })
      : await api('/buildings', { method: 'POST', json: body });
    edit(saved);
    say('building-message', `Saved building ${saved.id}.`);
    await loadBuildings();
  } catch (e) {
    say('building-message', e.message, 'error');
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'UTC'];
  document.getElementById('time-zones').replaceChildren(...zones.map((z) => el('option', { value: z })));
  document.getElementById('building-filter').addEventListener('submit', (e) => { e.preventDefault(); buildingState.page = 0; loadBuildings(); });
  document.getElementById('building-form').addEventListener('submit', save);
  document.getElementById('building-new').addEventListener('click', newBuilding);
  document.getElementById('building-heating-type').addEventListener('change', showCurveDefaults);
  pager('buildings', buildingState, loadBuildings);
  loadHeatingTypes();
  loadBuildings();
});
