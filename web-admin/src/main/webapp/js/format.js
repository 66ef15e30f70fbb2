// Times, durations and numbers for people. Every time is shown in one time zone, which the shell
// names in its header (the browser's own zone, or UTC if the operator chose it).

const ZONE_KEY = 'vorlauf.timeZone';
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function timeZone() {
  const chosen = window.localStorage.getItem(ZONE_KEY);
  return chosen === 'UTC' ? 'UTC' : BROWSER_ZONE;
}

export function browserZone() {
  return BROWSER_ZONE;
}

export function setTimeZone(zone) {
  window.localStorage.setItem(ZONE_KEY, zone === 'UTC' ? 'UTC' : 'local');
}

let formatter = null;
let formatterZone = null;

function dateTime() {
  const zone = timeZone();
  if (formatter === null || formatterZone !== zone) {
    // sv-SE writes ISO-like "2026-05-01 14:03:22": unambiguous for every reader
    formatter = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatterZone = zone;
  }
  return formatter;
}

/** "2026-05-01 14:03:22" in the stated zone; '' for none; the text itself when it is no time. */
export function formatTime(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateTime().format(date);
}

/** The zone's offset now, e.g. "UTC+02:00". */
export function zoneOffset() {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: timeZone(), timeZoneName: 'longOffset' })
    .formatToParts(new Date());
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? 'UTC±00:00' : name.replace('GMT', 'UTC');
}

/** "45 s", "12 min", "3 h 5 min", "22 d 12 h": the two largest units, never raw ISO-8601. */
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '';
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return `${s} s`;
  const units = [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]];
  const first = units.findIndex(([, size]) => s >= size);
  const [unit, size] = units[first];
  const n = Math.floor(s / size);
  const [nextUnit, nextSize] = units[first + 1];
  const m = Math.floor((s - n * size) / nextSize);
  return m > 0 ? `${n} ${unit} ${m} ${nextUnit}` : `${n} ${unit}`;
}

/** Seconds of an ISO-8601 duration such as PT721H or P1DT2H30M; null when it is none. */
export function isoSeconds(text) {
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/
    .exec(String(text ?? '').trim());
  if (!m || text === 'P' || text === 'PT') return null;
  const [, d, h, min, s] = m.map((v) => (v === undefined ? 0 : Number(v)));
  return d * 86400 + h * 3600 + min * 60 + s;
}

/** An ISO-8601 duration for people: "PT721H" gives "30 d 1 h". */
export function formatIsoDuration(text) {
  const seconds = isoSeconds(text);
  return seconds === null ? String(text ?? '') : formatDuration(seconds);
}

/** "3 min ago", "in 2 h", "just now". */
export function relative(value, now = Date.now()) {
  if (!value) return '';
  const then = new Date(value).getTime();
  if (Number.isNaN(then)) return '';
  const seconds = (now - then) / 1000;
  if (Math.abs(seconds) < 5) return 'just now';
  return seconds > 0 ? `${formatDuration(seconds)} ago` : `in ${formatDuration(-seconds)}`;
}

const numbers = new Intl.NumberFormat('en-US');

export function formatNumber(n) {
  return n === null || n === undefined ? '' : numbers.format(n);
}

export function formatRate(n) {
  if (n === null || n === undefined) return '';
  return n >= 100 ? numbers.format(Math.round(n)) : (Math.round(n * 10) / 10).toString();
}

/**
 * What a device last said about itself (the device DTO's report): "firmware 2.4.1 · signal −67 dBm
 * · 2026-05-01 14:03:22"; "no report yet" before its first.
 */
export function formatReport(report) {
  if (!report) return 'no report yet';
  const parts = [];
  if (report.firmwareVersion) parts.push(`firmware ${report.firmwareVersion}`);
  if (report.signalStrength !== null && report.signalStrength !== undefined) parts.push(`signal ${report.signalStrength} dBm`);
  if (!parts.length) parts.push('reported nothing');
  return `${parts.join(' · ')} · ${formatTime(report.reportedAt)}`;
}
