// One building (/buildings/<id>): its state (never "online" on old readings), configuration,
// devices with state, firmware and signal, the newest value of every sensor with its age; then its
// measurements over a chosen range and resolution (charts, a table view, the CSV of exactly what is
// shown), the quality of that range's 15-minute slots and the readings quarantined in it. The
// range, resolution and zoom state live in the URL (?range=7d&res=1h, custom: &from=…&to=…).

import { api, query } from '../api.js';
import { button, el, nodes } from '../dom.js';
import { formatDuration, formatNumber, formatReport, formatTime, relative, timeZone } from '../format.js';
import { param, setParams } from '../router.js';
import { badge } from '../components/badge.js';
import { statusLine } from '../components/live.js';
import { buildingChart } from './building-chart.js';
import { QUANTITIES, RESOLUTIONS, addCurve, findGaps, loadSeries, pieces, resolution, toCsv } from './building-data.js';
import { uPlot as preloadChart } from '../components/chart.js';
import { quarantineSection, qualitySection } from './building-quality.js';
import { seriesTable } from './building-table.js';
import { optimizationSection } from './building-optimization.js';

const DAY = 86400;
const PRESETS = [
  { value: '24h', label: '24 h', seconds: DAY, res: 'raw' },
  { value: '7d', label: '7 d', seconds: 7 * DAY, res: '1h' },
  { value: '30d', label: '30 d', seconds: 30 * DAY, res: '1h' },
  { value: '1y', label: '1 y', seconds: 365 * DAY, res: '1h' },
  { value: 'custom', label: 'Custom' },
];
const LIMITS_KEY = 'vorlauf.readingsLimits';
const LABELS = Object.fromEntries(QUANTITIES.map((q) => [q.key, q.label]));
const UNITS = Object.fromEntries(QUANTITIES.map((q) => [q.key, q.unit]));

function when(value) {
  if (!value) return el('span', { class: 'muted' }, 'never');
  return el('time', { datetime: value }, formatTime(value), el('span', { class: 'ago' }, ` (${relative(value)})`));
}

/** The range the URL names: preset ranges end at the next full step of the resolution. */
function chosenRange() {
  const preset = PRESETS.find((p) => p.value === param('range', '7d')) ?? PRESETS[1];
  if (preset.value === 'custom') {
    const from = new Date(param('from'));
    const to = new Date(param('to'));
    if (!Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime()) && from < to) {
      const fallback = (to - from) / 1000 <= 7 * DAY ? 'raw' : '1h';
      return { preset, from, to, res: fitting(param('res', fallback), (to - from) / 1000) };
    }
    return { preset, from: null, to: null, res: param('res', '1h') };
  }
  const res = fitting(param('res', preset.res), preset.seconds);
  const step = (resolution(res).step ?? 60) * 1000;
  const to = new Date(Math.ceil(Date.now() / step) * step);
  return { preset, from: new Date(to.getTime() - preset.seconds * 1000), to, res };
}

/** The resolution asked for if the range allows it, else the finest one that does. */
function fitting(res, seconds) {
  const asked = RESOLUTIONS.find((r) => r.value === res);
  if (asked && seconds <= asked.maxSeconds) return asked.value;
  return (RESOLUTIONS.find((r) => seconds <= r.maxSeconds) ?? RESOLUTIONS.at(-1)).value;
}

function localInput(date) {
  if (!date) return '';
  const shift = timeZone() === 'UTC' ? 0 : date.getTimezoneOffset() * 60000;
  return new Date(date.getTime() - shift).toISOString().slice(0, 16);
}

export async function mount(root, context) {
  const buildingId = context.id;
  const message = statusLine({ 'data-testid': 'building-message' });
  const stateBox = el('div', { 'data-testid': 'building-state' });
  const config = el('dl', { class: 'facts', 'data-testid': 'building-config' });
  const devices = el('div', { class: 'table-scroll' });
  const latest = el('div', { class: 'table-scroll' });
  const seriesStatus = statusLine({ 'data-testid': 'building-series-status' });
  const gapList = el('ul', { class: 'gaps', 'data-testid': 'building-gaps' });
  const zoomNote = el('p', { class: 'muted', 'data-testid': 'building-zoom', hidden: true });
  const table = seriesTable();
  const quality = qualitySection();
  const quarantine = quarantineSection();
  const optimization = optimizationSection(buildingId);
  let overview = null;
  let loaded = null; // { columns, rows, from, to, res }
  let zoom = null; // [min ms, max ms] or null
  let generation = 0; // of series loads: only the newest one draws
  let overviewFailed = false;

  const charts = [
    buildingChart({ title: 'Temperatures (°C)', unit: '°C', keys: ['flow', 'return', 'outdoor', 'indoor', 'curve'], labels: LABELS, testid: 'building-chart-temperatures', onZoom }),
    buildingChart({ title: 'Spread between flow and return (K)', unit: 'K', keys: ['spread'], labels: LABELS, testid: 'building-chart-spread', onZoom }),
    buildingChart({ title: 'Heat power (kW)', unit: 'kW', keys: ['power'], labels: LABELS, testid: 'building-chart-power', onZoom }),
  ];

  // --- range, resolution ------------------------------------------------------------------------
  const presetButtons = PRESETS.map((p) => el('button', {
    type: 'button', class: 'view', 'data-testid': `building-range-${p.value}`, 'aria-pressed': 'false',
    onclick: () => choosePreset(p),
  }, p.label));
  const fromInput = el('input', { type: 'datetime-local', id: 'building-from', 'data-testid': 'building-from' });
  const toInput = el('input', { type: 'datetime-local', id: 'building-to', 'data-testid': 'building-to' });
  const resSelect = el('select', { id: 'building-res', 'data-testid': 'building-res' },
    ...RESOLUTIONS.map((r) => el('option', { value: r.value }, `${r.label} (ranges up to ${formatDuration(r.maxSeconds)})`)));
  resSelect.addEventListener('change', () => { setParams({ res: resSelect.value }); reloadSeries(); });
  const customForm = el('form', { class: 'filters', 'data-testid': 'building-custom', onsubmit: applyCustom },
    el('div', { class: 'field' }, el('label', { for: 'building-from' }, 'From'), fromInput),
    el('div', { class: 'field' }, el('label', { for: 'building-to' }, 'To'), toInput),
    el('div', { class: 'filter-actions' }, el('button', { type: 'submit', 'data-testid': 'building-custom-apply' }, 'Show range')));
  const csvLink = el('a', { 'data-testid': 'building-csv-link', hidden: true }, '');
  const seriesBox = el('div', { 'data-testid': 'building-series' });

  root.append(
    message.element,
    el('section', { 'aria-labelledby': 'building-state-heading' },
      el('h2', { id: 'building-state-heading' }, 'State'), stateBox),
    el('section', { 'aria-labelledby': 'building-config-heading' },
      el('div', { class: 'section-head' }, el('h2', { id: 'building-config-heading' }, 'Configuration'),
        el('a', { href: `/buildings${query({ open: buildingId })}`, 'data-testid': 'building-edit-link' }, 'Edit the building')),
      config),
    el('section', { 'aria-labelledby': 'building-devices-heading' },
      el('h2', { id: 'building-devices-heading' }, 'Devices'), devices),
    el('section', { 'aria-labelledby': 'building-latest-heading' },
      el('h2', { id: 'building-latest-heading' }, 'Newest value of every sensor'), latest),
    el('section', { 'aria-labelledby': 'building-series-heading', class: 'building-series' },
      el('h2', { id: 'building-series-heading' }, 'Measurements'),
      el('div', { class: 'views', role: 'group', 'aria-label': 'Range' }, ...presetButtons),
      customForm,
      el('div', { class: 'field' }, el('label', { for: 'building-res' }, 'Resolution'), resSelect),
      seriesStatus.element,
      el('p', { class: 'muted' }, 'Drag across a chart to zoom in, double-click to zoom out; the table and the CSV follow the zoom. '
        + 'Dashed with points: values the ETL filled or interpolated (15 min); dotted: the heating curve\'s flow for the measured outdoor temperature.'),
      zoomNote,
      seriesBox,
      ...charts.map((c) => c.element),
      el('h3', {}, 'Gaps (no data at all)'), gapList,
      el('p', {}, button('Download CSV of what is shown', downloadCsv, { 'data-testid': 'building-csv' }), ' ', csvLink),
      table.element),
    optimization.element,
    quality.element,
    quarantine.element);

  function choosePreset(p) {
    if (p.value === 'custom') {
      const current = chosenRange();
      setParams({ range: 'custom', from: current.from?.toISOString(), to: current.to?.toISOString() });
    } else {
      setParams({ range: p.value === '7d' ? null : p.value, from: null, to: null, res: null });
    }
    reloadSeries();
  }

  function applyCustom(event) {
    event.preventDefault();
    const utc = timeZone() === 'UTC';
    const from = new Date(utc ? `${fromInput.value}Z` : fromInput.value);
    const to = new Date(utc ? `${toInput.value}Z` : toInput.value);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
      seriesStatus.say('Give a start before the end.', 'error');
      return;
    }
    if ((to - from) / 1000 > RESOLUTIONS.at(-1).maxSeconds) {
      seriesStatus.say(`At most ${formatDuration(RESOLUTIONS.at(-1).maxSeconds)} at a time.`, 'error');
      return;
    }
    setParams({ range: 'custom', from: from.toISOString(), to: to.toISOString() });
    reloadSeries();
  }

  function syncControls(range) {
    presetButtons.forEach((b, i) => b.setAttribute('aria-pressed', String(PRESETS[i] === range.preset)));
    customForm.hidden = range.preset.value !== 'custom';
    fromInput.value = localInput(range.from);
    toInput.value = localInput(range.to);
    const seconds = range.from ? (range.to - range.from) / 1000 : 0;
    for (const option of resSelect.options) option.disabled = seconds > resolution(option.value).maxSeconds;
    resSelect.value = range.res;
  }

  // --- overview ---------------------------------------------------------------------------------
  function renderOverview(o) {
    const b = o.building;
    context.frame.setTitle(`Building ${b.id}: ${b.name}`);
    const threshold = formatDuration(o.offlineAfterMinutes * 60);
    stateBox.replaceChildren(
      el('p', {}, badge(o.state, null, { 'data-testid': 'building-state-badge' }), ' ',
        'newest reading ', el('span', { 'data-testid': 'building-last-reading' }, when(o.lastReading)),
        ' · last message ', when(o.lastMessage)),
      el('p', { class: 'muted' }, `Online: every active device sends messages and the newest reading is younger than ${threshold}. `
        + `Stale: messages arrive, but the newest reading is older than ${threshold}. Offline: no message for ${threshold}.`));
    const c = o.curve;
    const fact = (label, value) => [el('dt', {}, label), el('dd', {}, value)];
    config.replaceChildren(
      ...fact('Heating type', b.heatingType),
      ...fact('Time zone', b.timeZone),
      ...fact('Area', b.areaM2 == null ? '–' : `${b.areaM2} m²`),
      ...fact('Year built', b.yearBuilt ?? '–'),
      ...fact('Heating circuits', String(b.heatingCircuits)),
      ...fact('Hot water', b.hasDhw ? 'yes' : 'no'),
      ...fact('Comfort band', `${b.comfortTempMin}–${b.comfortTempMax} °C`),
      ...fact('Night setback', b.nightSetbackEnabled
        ? `${b.nightSetbackStart}:00–${b.nightSetbackEnd}:00 local, room −${b.nightSetbackReduction} K` : 'off'),
      ...fact('Heating curve', `flow ${c.baseC} °C at 20 °C outdoor, slope ${c.slope}, within ${c.minFlowC}–${c.maxFlowC} °C`),
      ...fact('State in the registry', b.active ? 'active' : 'inactive'));
    devices.replaceChildren(el('table', { 'data-testid': 'building-devices' },
      el('caption', {}, `${o.devices.length} device(s)`),
      el('thead', {}, el('tr', {}, ...['Device', 'State', 'Firmware, signal (reported)', 'Last message', 'Newest reading', 'Quarantine (all)']
        .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...o.devices.map((d) => el('tr', { 'data-testid': 'building-device-row', 'data-device-id': d.deviceId, 'data-state': d.state },
        el('th', { scope: 'row' }, el('code', {}, d.deviceId)),
        el('td', {}, badge(d.state)),
        el('td', {}, formatReport(d.report)),
        el('td', {}, when(d.lastMessage)),
        el('td', {}, when(d.lastReading)),
        el('td', {}, Object.keys(d.quarantineByReason).length
          ? el('a', { href: `/quarantine${query({ deviceId: d.deviceId })}` },
            Object.entries(d.quarantineByReason).map(([r, n]) => `${r}: ${n}`).join(', '))
          : '–'))))));
    const old = o.offlineAfterMinutes * 60000;
    latest.replaceChildren(el('table', { 'data-testid': 'building-latest' },
      el('caption', {}, 'Newest stored reading per sensor and device'),
      el('thead', {}, el('tr', {}, ...['Sensor', 'Device', 'Value', 'Time', 'Age'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...o.latest.map((l) => el('tr', { 'data-testid': 'building-latest-row', 'data-sensor-id': l.sensorId },
        el('th', { scope: 'row' }, el('code', {}, l.sensorId)),
        el('td', {}, el('code', {}, l.deviceId)),
        el('td', { class: 'num' }, `${formatNumber(l.value)} ${l.unit}`),
        el('td', {}, formatTime(l.time)),
        el('td', {}, relative(l.time), Date.now() - new Date(l.time).getTime() > old ? [' ', badge('stale', 'old')] : null))),
      o.latest.length ? null : el('tr', {}, el('td', { colspan: 5 }, 'No reading stored yet.')))));
  }

  // --- series -----------------------------------------------------------------------------------
  /** @param limits the readings limits when the overview is still on its way */
  async function reloadSeries(limits = overview?.limits) {
    const range = chosenRange();
    syncControls(range);
    if (!range.from || !limits) return;
    zoom = null;
    zoomNote.hidden = true;
    seriesStatus.say('Loading…', 'busy');
    // the quality and the quarantine of the range load while the series do
    await Promise.all([
      loadAndDraw(range, limits),
      quality.load(buildingId, range, limits).catch(() => null),
      overviewLoaded().then((o) => quarantine.load(o.devices, range)).catch(() => null),
    ]);
  }

  /** The overview, once the refresh that asks for it has it. */
  async function overviewLoaded() {
    while (!overview && !overviewFailed) await new Promise((resolve) => { window.setTimeout(resolve, 20); });
    if (!overview) throw new Error('the building could not be loaded');
    return overview;
  }

  async function loadAndDraw(range, limits) {
    const requests = pieces(range.from, range.to, limits.maxRangeSeconds).length;
    generation += 1;
    const mine = generation;
    try {
      const fetched = loadSeries(buildingId, range, limits);
      // the chart library loads while the data does
      const [series] = await Promise.all([fetched, preloadChart()]);
      addCurve(series, (await overviewLoaded()).curve);
      if (mine !== generation) return; // another range was chosen meanwhile
      loaded = { ...series, ...range };
      const gaps = findGaps(series.rows, range.res, range.from, range.to);
      renderGaps(gaps);
      await drawCharts(series.rows, gaps, range);
      table.show(series.columns, series.rows, UNITS);
      seriesStatus.say(`${formatNumber(series.rows.length)} rows at ${resolution(range.res).label} from ${formatTime(range.from)} to ${formatTime(range.to)}`
        + `${requests > 1 ? ` (${requests} requests within the API's range limit)` : ''}.`);
      // last: tests wait for these as the sign that the series is shown
      seriesBox.dataset.from = range.from.toISOString();
      seriesBox.dataset.to = range.to.toISOString();
      seriesBox.dataset.rows = String(series.rows.length);
      seriesBox.dataset.res = range.res;
    } catch (e) {
      seriesStatus.say(`Could not load the measurements: ${e.message}`, 'error');
    }
  }

  function renderGaps(gaps) {
    const shown = gaps.slice(0, 20);
    gapList.replaceChildren(...nodes(shown.map((g) => el('li', {
      'data-testid': 'building-gap', 'data-from': new Date(g.from).toISOString(), 'data-to': new Date(g.to).toISOString(),
    }, `${formatTime(g.from)} to ${formatTime(g.to)} (${formatDuration((g.to - g.from) / 1000)})`)),
    gaps.length > shown.length ? el('li', {}, `and ${gaps.length - shown.length} more`) : null,
    gaps.length ? null : el('li', {}, 'None: every step of the range has data.')));
  }

  async function drawCharts(rows, gaps, range) {
    // null rows at the range's ends and at the start of each gap: the axis spans the whole range
    // and uPlot breaks the lines there instead of bridging them
    const xs = [];
    const rowsAt = [];
    const blank = (ms) => {
      if (!xs.length || ms / 1000 > xs[xs.length - 1]) { xs.push(ms / 1000); rowsAt.push(null); }
    };
    if (!rows.length || rows[0].t > range.from.getTime()) blank(range.from.getTime());
    let g = 0;
    for (const row of rows) {
      while (g < gaps.length && gaps[g].from < row.t) {
        blank(gaps[g].from);
        g += 1;
      }
      xs.push(row.t / 1000);
      rowsAt.push(row);
    }
    if (rows.length && rows.at(-1).t < range.to.getTime()) blank(range.to.getTime());
    const values = {};
    for (const q of QUANTITIES) {
      const measured = rowsAt.map((r) => (r && (!r.s[q.key] || r.s[q.key] === 'raw') ? r.v[q.key] ?? null : null));
      const estimated = rowsAt.map((r) => (r && r.s[q.key] && r.s[q.key] !== 'raw' ? r.v[q.key] ?? null : null));
      const any = estimated.some((v) => v !== null);
      // the dashed line starts and ends at the measured neighbours
      if (any) {
        for (let i = 0; i < estimated.length; i += 1) {
          if (estimated[i] !== null) continue;
          if ((estimated[i - 1] ?? null) !== null || (estimated[i + 1] ?? null) !== null) estimated[i] = measured[i];
        }
      }
      if (measured.some((v) => v !== null) || any) values[q.key] = { measured, estimated: any ? estimated : null };
    }
    const summary = (keys) => keys.filter((k) => values[k]).map((k) => {
      const nums = rows.map((r) => r.v[k]).filter((v) => v !== null && v !== undefined);
      if (!nums.length) return `${LABELS[k]}: no values`;
      const mean = nums.reduce((a, b) => a + b, 0) / nums.length;
      return `${LABELS[k]} ${Math.min(...nums).toFixed(1)} to ${Math.max(...nums).toFixed(1)} ${UNITS[k]}, mean ${mean.toFixed(1)}`;
    }).join('; ');
    const gapText = gaps.length ? ` ${gaps.length} gap(s), listed below.` : '';
    await Promise.all([
      charts[0].render(xs, values, `${summary(['flow', 'return', 'outdoor', 'indoor', 'curve'])}.${gapText}`),
      charts[1].render(xs, values, `${summary(['spread'])}.`),
      charts[2].render(xs, values, `${summary(['power'])}.`),
    ]);
  }

  function onZoom(min, max) {
    zoom = min === null ? null : [min, max];
    charts.forEach((c) => c.zoomTo(min, max));
    const rows = visibleRows();
    zoomNote.hidden = !zoom;
    zoomNote.textContent = zoom ? `Zoomed to ${formatTime(min)} – ${formatTime(max)}: ${formatNumber(rows.length)} rows. Double-click a chart to see the whole range.` : '';
    if (loaded) table.show(loaded.columns, rows, UNITS);
  }

  function visibleRows() {
    if (!loaded) return [];
    return zoom ? loaded.rows.filter((r) => r.t >= zoom[0] && r.t <= zoom[1]) : loaded.rows;
  }

  function downloadCsv() {
    if (!loaded) return;
    if (csvLink.href) URL.revokeObjectURL(csvLink.href);
    const name = `${buildingId}_${loaded.res}_${loaded.from.toISOString()}_${loaded.to.toISOString()}.csv`.replace(/:/g, '');
    csvLink.href = URL.createObjectURL(new Blob([toCsv(loaded.columns, visibleRows())], { type: 'text/csv' }));
    csvLink.download = name;
    csvLink.textContent = `CSV ready: ${name}`;
    csvLink.hidden = false;
    csvLink.click();
  }

  async function refresh() {
    // the readings limits are the server's configuration: kept for the browser session, so a
    // later visit asks for the series beside the overview instead of after it
    const known = JSON.parse(window.sessionStorage.getItem(LIMITS_KEY) || 'null');
    overviewFailed = false;
    const early = known && !overview ? reloadSeries(known) : null;
    try {
      overview = await api(`/buildings/${encodeURIComponent(buildingId)}/overview`);
      window.sessionStorage.setItem(LIMITS_KEY, JSON.stringify(overview.limits));
    } catch (e) {
      overviewFailed = true;
      if (e.status === 404) {
        context.frame.setTitle(`Building ${buildingId}`);
        message.say(`No building "${buildingId}" is registered.`, 'error');
        return;
      }
      throw e;
    }
    renderOverview(overview);
    const history = optimization.load();
    await early;
    if (!early || JSON.stringify(known) !== JSON.stringify(overview.limits)) await reloadSeries();
    await history;
  }

  return { refresh, every: 0 };
}
