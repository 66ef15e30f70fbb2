// The building page's optimisation history (issue 23): over a chosen range (default the last 48 h,
// at most what the server allows), the flow temperature the optimiser recommended against the
// heating curve's baseline, the heat it predicted against the heat measured in that hour, its
// fallbacks with their causes, and the setpoints sent with their delivery state. Charts on the
// page's chart code (building-chart.js, uPlot) with a summary and tables as the text alternative.
// Range and origin live in the URL (?opt=48h&origin=hourly).

import { api, query } from '../api.js';
import { el, nodes } from '../dom.js';
import { formatNumber, formatTime } from '../format.js';
import { param, setParams } from '../router.js';
import { badge } from '../components/badge.js';
import { statusLine } from '../components/live.js';
import { buildingChart } from './building-chart.js';

const HOUR = 3600;
const RANGES = [
  { value: '24h', label: '24 h', seconds: 24 * HOUR },
  { value: '48h', label: '48 h', seconds: 48 * HOUR },
  { value: '7d', label: '7 d', seconds: 7 * 24 * HOUR },
  { value: '31d', label: '31 d', seconds: 31 * 24 * HOUR },
];
const LABELS = {
  recommended: 'Recommended flow', baseline: 'Baseline (heating curve)', applied: 'Applied by the device',
  predicted: 'Predicted heat', actual: 'Measured heat',
};
const COLORS = { recommended: '#c0392b', baseline: '#333333', applied: '#1e7a46', predicted: '#2b59c3', actual: '#a05a00' };

function degrees(v) {
  return v === null || v === undefined ? '–' : `${v.toFixed(1)} °C`;
}

function kw(v) {
  return v === null || v === undefined ? '–' : `${v.toFixed(2)} kW`;
}

function head(...labels) {
  return el('thead', {}, el('tr', {}, ...labels.map((h) => el('th', { scope: 'col' }, h))));
}

/** Values of rows at the seconds xs, null where a row has none. */
function column(xs, rows, time, value) {
  const byTime = new Map(rows.map((r) => [new Date(time(r)).getTime() / 1000, value(r)]));
  return xs.map((x) => (byTime.has(x) ? byTime.get(x) ?? null : null));
}

function summaryOf(label, values, unit) {
  const nums = values.filter((v) => v !== null && v !== undefined);
  if (!nums.length) return `${label}: none`;
  const mean = nums.reduce((a, b) => a + b, 0) / nums.length;
  return `${label} ${Math.min(...nums).toFixed(1)} to ${Math.max(...nums).toFixed(1)} ${unit}, mean ${mean.toFixed(1)}`;
}

export function optimizationSection(buildingId) {
  const status = statusLine({ 'data-testid': 'optimization-status' });
  const box = el('div', { 'data-testid': 'optimization-history' });
  const rangeButtons = RANGES.map((r) => el('button', {
    type: 'button', class: 'view', 'data-testid': `optimization-range-${r.value}`, 'aria-pressed': 'false',
    onclick: () => { setParams({ opt: r.value === '48h' ? null : r.value }); load(); },
  }, r.label));
  const originSelect = el('select', { id: 'optimization-origin', 'data-testid': 'optimization-origin' });
  originSelect.addEventListener('change', () => { setParams({ origin: originSelect.value }); load(); });
  const flowChart = buildingChart({
    title: 'Flow temperature: recommended against baseline (°C)', unit: '°C', keys: ['recommended', 'baseline', 'applied'],
    labels: LABELS, colors: COLORS, dashes: { baseline: [6, 4] }, syncKey: 'optimization', testid: 'optimization-chart-flow',
  });
  const heatChart = buildingChart({
    title: 'Heat: predicted against measured (kW)', unit: 'kW', keys: ['predicted', 'actual'],
    labels: LABELS, colors: COLORS, dashes: { predicted: [6, 4] }, syncKey: 'optimization', testid: 'optimization-chart-heat',
  });
  const fallbacks = el('div', { 'data-testid': 'optimization-fallbacks' });
  const results = el('div', { class: 'table-scroll' });
  const setpoints = el('div', { class: 'table-scroll' });
  const heat = el('div', { class: 'table-scroll' });

  const element = el('section', { 'aria-labelledby': 'optimization-heading', class: 'building-series' },
    el('h2', { id: 'optimization-heading' }, 'Optimisation'),
    el('p', { class: 'muted' }, 'What the optimiser recommended each hour against the heating curve\'s baseline, the heat it predicted against the heat measured in that hour (features, else the heat meter), its fallbacks with their causes, and the setpoints sent to the devices with their delivery state.'),
    el('div', { class: 'views', role: 'group', 'aria-label': 'Optimisation range' }, ...rangeButtons),
    el('div', { class: 'field' }, el('label', { for: 'optimization-origin' }, 'Origin (who asked for the optimisation)'), originSelect),
    status.element, box, flowChart.element, heatChart.element,
    el('h3', {}, 'Fallbacks'), fallbacks,
    el('h3', {}, 'Results'), results,
    el('h3', {}, 'Setpoints and their delivery'), setpoints,
    el('details', {}, el('summary', {}, 'Predicted and measured heat as a table'), heat));

  function chosen() {
    return RANGES.find((r) => r.value === param('opt', '48h')) ?? RANGES[1];
  }

  async function load() {
    const range = chosen();
    rangeButtons.forEach((b, i) => b.setAttribute('aria-pressed', String(RANGES[i] === range)));
    const to = new Date(Math.ceil(Date.now() / 60000) * 60000);
    const from = new Date(to.getTime() - range.seconds * 1000);
    status.say('Loading…', 'busy');
    let h;
    try {
      h = await api(`/buildings/${encodeURIComponent(buildingId)}/optimization${query({
        from: from.toISOString(), to: to.toISOString(), origin: param('origin'),
      })}`);
    } catch (e) {
      status.say(`Could not load the optimisation history: ${e.message}`, 'error');
      return;
    }
    const origins = h.origins.includes(h.origin) ? h.origins : [h.origin, ...h.origins];
    originSelect.replaceChildren(...origins.map((o) => el('option', { value: o, selected: o === h.origin }, o)));
    await render(h, from, to);
    status.say(`${formatNumber(h.results.length)} result(s) of origin ${h.origin}, ${formatNumber(h.setpoints.length)} setpoint(s) from ${formatTime(h.from)} to ${formatTime(h.to)}.`);
    // last: tests wait for these
    box.dataset.from = h.from;
    box.dataset.to = h.to;
    box.dataset.origin = h.origin;
    box.dataset.results = String(h.results.length);
    box.dataset.setpoints = String(h.setpoints.length);
  }

  async function render(h, from, to) {
    const circuitOne = h.setpoints.filter((c) => c.circuit === 1 && c.origin === h.origin);
    const times = new Set([from.getTime() / 1000, to.getTime() / 1000]);
    h.results.forEach((r) => times.add(new Date(r.asOf).getTime() / 1000));
    circuitOne.forEach((c) => times.add(new Date(c.asOf).getTime() / 1000));
    const xs = [...times].sort((a, b) => a - b);
    const values = {
      recommended: { measured: column(xs, h.results, (r) => r.asOf, (r) => r.recommendedFlowC) },
      baseline: { measured: column(xs, h.results, (r) => r.asOf, (r) => r.baselineFlowC) },
      applied: { measured: column(xs, circuitOne, (c) => c.asOf, (c) => c.appliedValue) },
    };
    const heatTimes = new Set([from.getTime() / 1000, to.getTime() / 1000]);
    h.heat.forEach((x) => heatTimes.add(new Date(x.targetHour).getTime() / 1000));
    const heatXs = [...heatTimes].sort((a, b) => a - b);
    const heatValues = {
      predicted: { measured: column(heatXs, h.heat, (x) => x.targetHour, (x) => x.predictedKw) },
      actual: { measured: column(heatXs, h.heat, (x) => x.targetHour, (x) => x.actualKw) },
    };
    await Promise.all([
      flowChart.render(xs, values, h.results.length
        ? `${summaryOf('Recommended', h.results.map((r) => r.recommendedFlowC), '°C')}; ${summaryOf('baseline', h.results.map((r) => r.baselineFlowC), '°C')}.`
        : 'No optimisation result in this range.'),
      heatChart.render(heatXs, heatValues, h.heat.length
        ? `${summaryOf('Predicted', h.heat.map((x) => x.predictedKw), 'kW')}; ${summaryOf('measured', h.heat.map((x) => x.actualKw), 'kW')}.`
        : 'No prediction in this range.'),
    ]);
    const causes = Object.entries(h.fallbacks);
    fallbacks.replaceChildren(causes.length
      ? el('ul', {}, ...causes.map(([cause, n]) => el('li', { 'data-testid': 'optimization-fallback', 'data-cause': cause }, badge('fallback', cause), ` ${formatNumber(n)} of ${formatNumber(h.results.length)} result(s)`)))
      : el('p', { class: 'muted' }, 'No fallback in this range: every result came from the model.'));
    results.replaceChildren(el('table', { 'data-testid': 'optimization-results' },
      el('caption', {}, `Results of origin ${h.origin}`),
      head('As of', 'Recommended flow', 'Baseline', 'Predicted savings', 'Confidence', 'Fallback', 'Model', 'Command'),
      el('tbody', {}, ...nodes(h.results.slice().reverse().map((r) => el('tr', {
        'data-testid': 'optimization-result-row', 'data-as-of': r.asOf, 'data-fallback': r.fallback ?? '',
      },
      el('th', { scope: 'row' }, formatTime(r.asOf)),
      el('td', { class: 'num' }, degrees(r.recommendedFlowC)),
      el('td', { class: 'num' }, degrees(r.baselineFlowC)),
      el('td', { class: 'num' }, `${r.predictedSavingsPct.toFixed(1)} %`),
      el('td', { class: 'num' }, r.confidence.toFixed(2)),
      el('td', {}, r.fallback ? [badge('fallback', r.fallback), ` ${r.fallbackReason ?? ''}`] : '–'),
      el('td', {}, r.model ? `${r.model} v${r.modelVersion}` : (r.predictionMissing ?? '–')),
      el('td', {}, r.publishedCommandId ? el('code', {}, r.publishedCommandId.slice(0, 8)) : '–'))),
      h.results.length ? null : el('tr', {}, el('td', { colspan: 8 }, 'No result in this range.'))))));
    setpoints.replaceChildren(el('table', { 'data-testid': 'optimization-setpoints' },
      el('caption', {}, `Setpoints: ${Object.entries(h.deliveries).map(([s, n]) => `${n} ${s.toLowerCase()}`).join(', ') || 'none'}`),
      head('As of', 'Device, circuit', 'Flow setpoint', 'State', 'Attempts', 'Reason', 'Applied', 'Valid until'),
      el('tbody', {}, ...nodes(h.setpoints.slice().reverse().map((c) => el('tr', {
        'data-testid': 'optimization-setpoint-row', 'data-command-id': c.commandId, 'data-state': c.state.toLowerCase(),
      },
      el('th', { scope: 'row' }, formatTime(c.asOf), c.origin !== h.origin ? el('span', { class: 'muted' }, ` (${c.origin})`) : null),
      el('td', {}, el('code', {}, c.deviceId), `, circuit ${c.circuit}`),
      el('td', { class: 'num' }, degrees(c.flowTempSetpoint)),
      el('td', {}, badge(c.state.toLowerCase(), null, { 'data-testid': 'optimization-setpoint-state' })),
      el('td', { class: 'num' }, String(c.attempts)),
      el('td', {}, c.reason ?? (c.supersededBy ? `replaced by ${c.supersededBy.slice(0, 8)}` : '–')),
      el('td', {}, c.appliedAt ? `${degrees(c.appliedValue)} at ${formatTime(c.appliedAt)}` : '–'),
      el('td', {}, formatTime(c.validUntil)))),
      h.setpoints.length ? null : el('tr', {}, el('td', { colspan: 8 }, 'No setpoint in this range.'))))));
    heat.replaceChildren(el('table', { 'data-testid': 'optimization-heat' },
      el('caption', {}, 'Newest prediction per hour and the heat measured in it'),
      head('Hour', 'Predicted', 'Measured', 'Measured by', 'Model'),
      el('tbody', {}, ...nodes(h.heat.map((x) => el('tr', { 'data-testid': 'optimization-heat-row', 'data-hour': x.targetHour },
        el('th', { scope: 'row' }, formatTime(x.targetHour)),
        el('td', { class: 'num' }, kw(x.predictedKw) + (x.uncertaintyKw ? ` ± ${x.uncertaintyKw.toFixed(2)}` : '')),
        el('td', { class: 'num' }, kw(x.actualKw)),
        el('td', {}, x.actualSource ?? 'not measured yet'),
        el('td', {}, `${x.model} v${x.version}`))),
      h.heat.length ? null : el('tr', {}, el('td', { colspan: 5 }, 'No prediction in this range.'))))));
  }

  return { element, load };
}
