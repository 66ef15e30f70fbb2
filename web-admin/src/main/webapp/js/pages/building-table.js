// The building page's data as a table, for screen readers and for reading values off: the same
// rows and columns as the charts and the CSV (zoom included). Built when opened: a year of hours
// is 8,760 rows, which the page need not lay out unless someone asks.

import { el } from '../dom.js';
import { formatNumber, formatTime } from '../format.js';
import { QUANTITIES } from './building-data.js';

const LABELS = Object.fromEntries(QUANTITIES.map((q) => [q.key, q.label]));

export function seriesTable() {
  // focusable: a scrolled region must be reachable by keyboard
  const holder = el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Table of the data shown' });
  const summary = el('summary', { 'data-testid': 'building-table-toggle' }, 'Table of the data shown');
  const element = el('details', { 'data-testid': 'building-table-details' }, summary, holder);
  let pending = null;

  element.addEventListener('toggle', () => { if (element.open && pending) build(); });

  function header(column, units) {
    if (column.name === 'curve_flow_temp') return `Heating curve flow (°C) curve_flow_temp`;
    if (column.src) return `${LABELS[column.key]}: obtained (${column.name})`;
    return `${LABELS[column.key]} (${units[column.key]}) ${column.name}`;
  }

  function build() {
    const { columns, rows, units } = pending;
    pending = null;
    holder.replaceChildren(el('table', { 'data-testid': 'building-table' },
      el('caption', {}, `${formatNumber(rows.length)} rows; empty cells: no value`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Time'), ...columns.map((c) => el('th', { scope: 'col' }, header(c, units))))),
      el('tbody', {}, ...rows.map((r) => el('tr', { 'data-time': r.time },
        el('th', { scope: 'row' }, formatTime(r.time)),
        ...r.cells.map((v) => el('td', { class: typeof v === 'number' ? 'num' : null }, v === null || v === undefined ? '' : String(v))))))));
  }

  /** The rows to show; built now if the table is open, else when it is opened. */
  function show(columns, rows, units) {
    pending = { columns, rows, units };
    summary.textContent = `Table of the data shown (${formatNumber(rows.length)} rows)`;
    if (element.open) build();
    else holder.replaceChildren();
  }

  return { element, show };
}
