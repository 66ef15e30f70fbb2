// The building page's series in one shape for the chart, the table view and the CSV: raw readings
// and hours (the hourly rollup) from the readings API, 15-minute slots with how each value was
// obtained from the features API. Ranges longer than one request may ask for are split into
// requests within the limits the overview names. Times with no data are found here (gaps), and the
// heating curve's flow for the measured outdoor temperature is added from the curve's vertices.

import { api, query } from '../api.js';

const DAY = 86400;

/** What the page may ask for at each resolution: a year of raw readings is no chart. */
export const RESOLUTIONS = [
  { value: 'raw', label: 'raw readings', step: null, maxSeconds: 7 * DAY },
  { value: '15m', label: '15 min (features)', step: 900, maxSeconds: 31 * DAY },
  { value: '1h', label: '1 h (hourly rollup)', step: 3600, maxSeconds: 400 * DAY },
];

/**
 * The quantities shown: where the readings API (sensor) and the features API (feature, src) have
 * them. Spread needs no sensor (flow − return); the curve comes from the building's curve.
 */
export const QUANTITIES = [
  { key: 'flow', label: 'Flow temperature', unit: '°C', sensor: 'vorlauf_temp_hk1', feature: 'flow_temp_hk1', src: 'flow_temp_hk1_src' },
  { key: 'return', label: 'Return temperature', unit: '°C', sensor: 'ruecklauf_temp_hk1', feature: 'return_temp_hk1', src: 'return_temp_hk1_src' },
  { key: 'outdoor', label: 'Outdoor temperature', unit: '°C', sensor: 'outdoor_temp', feature: 'outdoor_temp', src: 'outdoor_temp_src' },
  { key: 'indoor', label: 'Indoor temperature', unit: '°C', sensor: 'indoor_temp', feature: 'indoor_temp', src: 'indoor_temp_src' },
  { key: 'spread', label: 'Spread (flow − return)', unit: 'K', derived: 'spread', feature: 'spread_hk1' },
  { key: 'power', label: 'Heat power', unit: 'kW', sensor: 'heat_power', feature: 'heat_power_total_kw' },
  { key: 'curve', label: 'Heating curve flow', unit: '°C', derived: 'curve_flow_temp' },
];

export function resolution(value) {
  return RESOLUTIONS.find((r) => r.value === value) ?? RESOLUTIONS[2];
}

/** [from, to) in pieces no longer than maxSeconds, in order. */
export function pieces(from, to, maxSeconds) {
  const result = [];
  const step = maxSeconds * 1000;
  for (let start = from.getTime(); start < to.getTime(); start += step) {
    result.push([new Date(start), new Date(Math.min(start + step, to.getTime()))]);
  }
  return result;
}

/**
 * Loads the series of [from, to) at a resolution (the curve is added by addCurve).
 * @returns { columns: [{ name, key, src }], rows: [{ time, t, cells: [...] , v: { key: n }, s: { key: src } }] }
 *   cells are the CSV's values in column order (after time); v the chart's numbers; s provenance.
 */
export async function loadSeries(buildingId, { from, to, res }, limits) {
  const path = `/buildings/${encodeURIComponent(buildingId)}`;
  const rows = [];
  let columns = null;
  for (const [a, b] of pieces(from, to, limits.maxRangeSeconds)) {
    const range = { from: a.toISOString(), to: b.toISOString() };
    const part = res === '15m'
      ? fromFeatures(await api(`${path}/features${query(range)}`))
      : fromReadings(await api(`${path}/readings${query({
        sensors: QUANTITIES.filter((q) => q.sensor).map((q) => q.sensor).join(','), ...range, resolution: res,
      })}`));
    columns = columns ?? part.columns;
    rows.push(...part.rows);
  }
  return { columns: columns ?? [], rows };
}

/** Adds the heating curve's flow for each row's outdoor temperature (a column of its own). */
export function addCurve(series, curve) {
  const curveAt = curveFunction(curve);
  for (const row of series.rows) {
    row.v.curve = row.v.outdoor == null ? null : curveAt(row.t, row.v.outdoor);
    row.cells.push(row.v.curve == null ? null : round(row.v.curve, 2));
  }
  series.columns.push({ name: 'curve_flow_temp', key: 'curve' });
  return series;
}

function fromReadings(answer) {
  // one column per sensor: the first device's where two devices report it
  const index = {};
  answer.columns.forEach((c, i) => { if (!(c.sensorId in index)) index[c.sensorId] = i + 1; });
  const quantities = QUANTITIES.filter((q) => q.sensor && q.sensor in index);
  const columns = quantities.map((q) => ({ name: answer.columns[index[q.sensor] - 1].name, key: q.key }));
  columns.push({ name: 'spread', key: 'spread' });
  const rows = answer.rows.map((r) => {
    const v = {};
    for (const q of quantities) v[q.key] = r[index[q.sensor]];
    v.spread = v.flow != null && v.return != null ? round(v.flow - v.return, 6) : null;
    return { time: r[0], t: Date.parse(r[0]), v, s: {}, cells: [...quantities.map((q) => v[q.key]), v.spread] };
  });
  return { columns, rows };
}

function fromFeatures(answer) {
  const at = Object.fromEntries(answer.columns.map((c, i) => [c, i + 1]));
  const columns = [];
  for (const q of QUANTITIES.filter((x) => x.feature && x.feature in at)) {
    columns.push({ name: q.feature, key: q.key });
    if (q.src && q.src in at) columns.push({ name: q.src, key: q.key, src: true });
  }
  const rows = answer.rows.map((r) => {
    const v = {};
    const s = {};
    for (const c of columns) {
      if (c.src) s[c.key] = r[at[c.name]];
      else v[c.key] = r[at[c.name]];
    }
    return { time: r[0], t: Date.parse(r[0]), v, s, cells: columns.map((c) => r[at[c.name]]) };
  });
  return { columns, rows };
}

function round(n, digits) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * (time ms, outdoor °C) -> the curve's flow: linear between the domain's vertices, the setback
 * line while the building's wall clock is in the setback window (NightSetback.activeAtLocalHour).
 */
export function curveFunction(curve) {
  if (!curve) return () => null;
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone: curve.timeZone, hour: 'numeric', hourCycle: 'h23' });
  const inSetback = (t) => {
    if (!curve.setbackEnabled || curve.setbackStart === curve.setbackEnd) return false;
    const h = Number(hour.format(t));
    return curve.setbackStart < curve.setbackEnd
      ? h >= curve.setbackStart && h < curve.setbackEnd
      : h >= curve.setbackStart || h < curve.setbackEnd;
  };
  return (t, outdoor) => interpolate(inSetback(t) ? curve.setback : curve.day, outdoor);
}

function interpolate(points, x) {
  if (x <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i += 1) {
    const [x1, y1] = points[i];
    if (x <= x1) {
      const [x0, y0] = points[i - 1];
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return points.at(-1)[1];
}

/**
 * Stretches of [from, to) without any row: longer than 1.5 steps (raw: three times the typical
 * spacing, at least ten minutes). [{ from: ms, to: ms }], where to is the next data's time.
 */
export function findGaps(rows, res, from, to) {
  if (!rows.length) return [{ from: from.getTime(), to: to.getTime() }];
  let step = resolution(res).step;
  let limit = step * 1500;
  if (step === null) {
    const deltas = [];
    for (let i = 1; i < rows.length; i += 1) if (rows[i].t > rows[i - 1].t) deltas.push(rows[i].t - rows[i - 1].t);
    deltas.sort((a, b) => a - b);
    step = (deltas[Math.floor(deltas.length / 2)] ?? 300000) / 1000;
    limit = Math.max(3 * step, 600) * 1000;
  }
  const gaps = [];
  if (rows[0].t - from.getTime() > limit) gaps.push({ from: from.getTime(), to: rows[0].t });
  for (let i = 1; i < rows.length; i += 1) {
    if (rows[i].t - rows[i - 1].t > limit) gaps.push({ from: rows[i - 1].t + step * 1000, to: rows[i].t });
  }
  const end = rows.at(-1).t + step * 1000;
  if (to.getTime() - end > limit) gaps.push({ from: end, to: to.getTime() });
  return gaps;
}

/** The CSV of rows (exactly the columns shown): time as the API gave it, values unformatted. */
export function toCsv(columns, rows) {
  const lines = [['time', ...columns.map((c) => c.name)].join(',')];
  for (const row of rows) {
    lines.push([row.time, ...row.cells.map((v) => (v === null || v === undefined ? '' : String(v)))].join(','));
  }
  return `${lines.join('\n')}\n`;
}
