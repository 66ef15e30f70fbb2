// The list of every page: paged, sorted and filtered by the server, its state in the URL. A filter
// form with labelled fields, preset views ("Problems only"), sortable column headers (aria-sort),
// a pager that can jump, a status line saying what is shown, and optional row selection with a
// labelled checkbox per row. A refresh that re-renders the rows keeps the keyboard focus on the
// same control of the same row.

import { el, uid } from '../dom.js';
import { formatNumber, timeZone } from '../format.js';
import { params, setParams } from '../router.js';
import { statusLine } from './live.js';

/**
 * @param spec.id              DOM id and data-testid of the <table>
 * @param spec.caption         what the table lists
 * @param spec.columns         [{ key, label, sort?: code, render(row) -> node|text, className?, header? }]
 * @param spec.rowKey          row -> unique key (data-key)
 * @param spec.rowAttributes   row -> extra <tr> attributes (data-testid, data-*)
 * @param spec.fetchPage       async (query) -> { items, page, size, total }
 * @param spec.filters         [{ name, label, type: 'search'|'text'|'select'|'datetime-local', choices?, hint? }]
 * @param spec.views           [{ value, label }] preset views in the query parameter 'view'
 * @param spec.defaultView     the view when the URL names none
 * @param spec.defaultSort     { sort, dir }
 * @param spec.select          { label(row), disabled(row) } adds a checkbox column
 * @param spec.empty           text for no rows
 * @param spec.noun            plural noun for the status line ("buildings")
 */
export function dataTable(spec) {
  const {
    id, caption, columns, rowKey, rowAttributes = () => ({}), fetchPage, filters = [], views = [],
    defaultView = views.length ? views[0].value : null, defaultSort = {}, select = null,
    empty = 'Nothing matches.', noun = 'rows', pageSizes = [20, 50, 100, 200], defaultSize = 50,
  } = spec;
  const captionId = uid(`${id}-caption`);
  const status = statusLine({ 'data-testid': `${id}-status`, class: 'status-line' });
  const error = statusLine({ 'data-testid': `${id}-error` });
  const counts = {};
  let last = null;
  let selectAll = null;

  // --- filters -----------------------------------------------------------------------------
  const filterInputs = {};
  const filterForm = filters.length ? el('form', { class: 'filters', role: 'search', 'aria-label': `Filter ${noun}`, 'data-testid': `${id}-filter` },
    ...filters.map((f) => {
      const inputId = uid(`${id}-${f.name}`);
      const input = f.type === 'select'
        ? el('select', { id: inputId, name: f.name, 'data-testid': `${id}-filter-${f.name}` },
          ...f.choices.map((c) => el('option', { value: c.value }, c.label)))
        : el('input', { id: inputId, name: f.name, type: f.type || 'text', 'data-testid': `${id}-filter-${f.name}`, list: f.list || null, autocomplete: 'off' });
      filterInputs[f.name] = input;
      const label = f.type === 'datetime-local' ? `${f.label} (${timeZone()})` : f.label;
      return el('div', { class: 'field' }, el('label', { for: inputId }, label), input);
    }),
    el('div', { class: 'filter-actions' },
      el('button', { type: 'submit', 'data-testid': `${id}-apply` }, 'Apply filter'),
      el('button', { type: 'button', class: 'secondary', 'data-testid': `${id}-clear`, onclick: clearFilters }, 'Clear'))) : null;
  filterForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    const updates = { page: null };
    for (const [name, input] of Object.entries(filterInputs)) updates[name] = toParam(input);
    setParams(updates);
    load();
  });

  // a datetime-local input has no zone: it means the zone all times are shown in
  const utc = timeZone() === 'UTC';

  function toParam(input) {
    if (input.type === 'datetime-local') {
      if (!input.value) return '';
      const d = new Date(utc ? `${input.value}Z` : input.value);
      return Number.isNaN(d.getTime()) ? '' : d.toISOString();
    }
    return input.value.trim();
  }

  function fromParam(input, value) {
    if (input.type === 'datetime-local' && value) {
      const d = new Date(value);
      const shift = utc ? 0 : d.getTimezoneOffset() * 60000;
      input.value = Number.isNaN(d.getTime()) ? '' : new Date(d.getTime() - shift).toISOString().slice(0, 16);
    } else {
      if (input.tagName === 'SELECT' && value && ![...input.options].some((o) => o.value === value)) {
        // a value from a link that the choices do not list (yet): keep it, or Apply would drop it
        input.append(el('option', { value }, value));
      }
      input.value = value ?? '';
    }
  }

  function clearFilters() {
    const updates = { page: null };
    for (const [name, input] of Object.entries(filterInputs)) {
      input.value = input.tagName === 'SELECT' ? input.options[0]?.value ?? '' : '';
      updates[name] = null;
    }
    setParams(updates);
    load();
  }

  // --- views ---------------------------------------------------------------------------------
  const viewButtons = views.map((v) => el('button', {
    type: 'button', class: 'view', 'data-view': v.value, 'data-testid': `${id}-view-${v.value}`,
    'aria-pressed': 'false',
    onclick: () => { setParams({ view: v.value === defaultView ? null : v.value, page: null }); load(); },
  }, v.label));
  const viewGroup = views.length ? el('div', { class: 'views', role: 'group', 'aria-label': `Views of ${noun}` }, ...viewButtons) : null;

  // --- table -----------------------------------------------------------------------------------
  const headCells = [];
  if (select) {
    selectAll = el('input', { type: 'checkbox', id: uid(`${id}-all`), 'data-testid': `${id}-select-all`, 'aria-label': `Select all ${noun} on this page` });
    selectAll.addEventListener('change', () => {
      tbody.querySelectorAll('input[data-select]:not([disabled])').forEach((box) => { box.checked = selectAll.checked; });
      tbody.dispatchEvent(new Event('selectionchange', { bubbles: true }));
    });
    headCells.push(el('th', { scope: 'col', class: 'select' }, selectAll));
  }
  const sortButtons = {};
  for (const column of columns) {
    if (column.sort) {
      const b = el('button', { type: 'button', class: 'sort', 'data-testid': `${id}-sort-${column.sort}`, onclick: () => toggleSort(column.sort) },
        column.label, el('span', { class: 'sort-mark', 'aria-hidden': 'true' }));
      sortButtons[column.sort] = b;
      headCells.push(el('th', { scope: 'col', 'data-sort': column.sort }, b));
    } else {
      headCells.push(el('th', { scope: 'col' }, column.header ?? column.label));
    }
  }
  const tbody = el('tbody');
  const table = el('table', { id, 'data-testid': id, 'aria-describedby': null },
    el('caption', { id: captionId }, caption),
    el('thead', {}, el('tr', {}, ...headCells)),
    tbody);

  function currentSort() {
    return { sort: params().get('sort') || defaultSort.sort || null, dir: params().get('dir') || defaultSort.dir || 'asc' };
  }

  function toggleSort(code) {
    const { sort, dir } = currentSort();
    const next = sort === code && dir === 'asc' ? 'desc' : 'asc';
    setParams({ sort: code, dir: next, page: null });
    load();
  }

  // --- pager -------------------------------------------------------------------------------------
  const pageInputId = uid(`${id}-page`);
  const sizeId = uid(`${id}-size`);
  const pageInput = el('input', { id: pageInputId, type: 'number', min: 1, value: 1, class: 'page-number', 'data-testid': `${id}-page-number` });
  const pageCount = el('span', { 'data-testid': `${id}-page-count` });
  const first = el('button', { type: 'button', class: 'secondary', 'data-testid': `${id}-first`, onclick: () => go(0) }, '« First');
  const prev = el('button', { type: 'button', class: 'secondary', 'data-testid': `${id}-prev`, onclick: () => go(currentPage() - 1) }, '‹ Previous');
  const next = el('button', { type: 'button', class: 'secondary', 'data-testid': `${id}-next`, onclick: () => go(currentPage() + 1) }, 'Next ›');
  const lastButton = el('button', { type: 'button', class: 'secondary', 'data-testid': `${id}-last`, onclick: () => go(pages() - 1) }, 'Last »');
  const sizeSelect = el('select', { id: sizeId, 'data-testid': `${id}-size` }, ...pageSizes.map((n) => el('option', { value: n }, String(n))));
  sizeSelect.addEventListener('change', () => { setParams({ size: sizeSelect.value === String(defaultSize) ? null : sizeSelect.value, page: null }); load(); });
  const pageForm = el('form', { class: 'page-jump', onsubmit: (e) => { e.preventDefault(); go(Number(pageInput.value) - 1); } },
    el('label', { for: pageInputId }, 'Page'), pageInput, pageCount,
    el('button', { type: 'submit', class: 'secondary', 'data-testid': `${id}-go` }, 'Go'));
  const pager = el('nav', { class: 'pager', 'aria-label': `Pages of ${noun}` },
    first, prev, pageForm, next, lastButton,
    el('span', { class: 'page-size' }, el('label', { for: sizeId }, 'Rows per page'), sizeSelect));

  function currentPage() { return Number(params().get('page') || 0); }
  function currentSize() { return Number(params().get('size') || defaultSize); }
  function pages() { return last ? Math.max(1, Math.ceil(last.total / last.size)) : 1; }
  function go(page) {
    const target = Math.min(Math.max(0, page), pages() - 1);
    setParams({ page: target || null });
    load();
  }

  const element = el('div', { class: 'data-table' },
    filterForm, viewGroup, status.element, error.element,
    el('div', { class: 'table-scroll' }, table), pager);

  /** The query of the current URL state, for fetchPage. */
  function queryState() {
    const p = params();
    const q = { page: currentPage(), size: currentSize() };
    for (const name of Object.keys(filterInputs)) q[name] = p.get(name) || '';
    if (views.length) q.view = p.get('view') || defaultView;
    const { sort, dir } = currentSort();
    if (sort) { q.sort = sort; q.dir = dir; }
    return q;
  }

  function syncControls(q) {
    for (const [name, input] of Object.entries(filterInputs)) {
      if (document.activeElement !== input) fromParam(input, q[name]);
    }
    for (const b of viewButtons) b.setAttribute('aria-pressed', String(b.dataset.view === q.view));
    for (const [code, b] of Object.entries(sortButtons)) {
      const th = b.parentElement;
      if (q.sort === code) {
        th.setAttribute('aria-sort', q.dir === 'desc' ? 'descending' : 'ascending');
        b.lastChild.textContent = q.dir === 'desc' ? ' ▼' : ' ▲';
      } else {
        th.removeAttribute('aria-sort');
        b.lastChild.textContent = '';
      }
    }
    sizeSelect.value = String(q.size);
  }

  function renderRows(items) {
    // keep the keyboard where it was: the same control in the row with the same key
    const active = document.activeElement;
    const activeRow = active && tbody.contains(active) ? active.closest('tr')?.dataset.key : null;
    const activeAction = activeRow ? active.dataset.action || active.dataset.testid : null;
    const selected = new Set(select ? [...tbody.querySelectorAll('input[data-select]:checked')].map((b) => b.value) : []);
    tbody.replaceChildren(...items.map((row) => {
      const key = String(rowKey(row));
      const cells = [];
      if (select) {
        const disabled = select.disabled ? select.disabled(row) : false;
        cells.push(el('td', { class: 'select' }, el('input', {
          type: 'checkbox', value: key, 'data-select': '', 'data-testid': `${id}-select`,
          'aria-label': select.label(row), disabled, checked: !disabled && selected.has(key),
        })));
      }
      for (const column of columns) {
        const content = column.render ? column.render(row) : row[column.key];
        cells.push(el(column.key === columns[0].key && column.rowHeader !== false ? 'th' : 'td',
          { class: column.className || null, scope: column.key === columns[0].key && column.rowHeader !== false ? 'row' : null },
          content ?? ''));
      }
      return el('tr', { 'data-key': key, ...rowAttributes(row) }, ...cells);
    }));
    if (!items.length) {
      tbody.append(el('tr', { class: 'empty' }, el('td', { colspan: columns.length + (select ? 1 : 0) }, empty)));
    }
    if (selectAll) selectAll.checked = false;
    if (activeRow) {
      const row = [...tbody.rows].find((r) => r.dataset.key === activeRow);
      const target = row && [...row.querySelectorAll('button, a, input')].find((n) => (n.dataset.action || n.dataset.testid) === activeAction);
      target?.focus();
    }
  }

  async function load() {
    const q = queryState();
    syncControls(q);
    table.setAttribute('aria-busy', 'true');
    try {
      const page = await fetchPage(q);
      last = page;
      if (page.items.length === 0 && page.total > 0 && q.page > 0) {
        // the page is gone (fewer rows than before): show the last one that exists
        go(Math.ceil(page.total / page.size) - 1);
        return page;
      }
      renderRows(page.items);
      const from = page.total === 0 ? 0 : page.page * page.size + 1;
      const to = Math.min(page.total, (page.page + 1) * page.size);
      status.say(page.total === 0 ? `No ${noun} match.` : `Showing ${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(page.total)} ${noun}.`);
      pageInput.value = String(page.page + 1);
      pageInput.max = String(pages());
      pageCount.textContent = `of ${formatNumber(pages())}`;
      first.disabled = prev.disabled = page.page === 0;
      next.disabled = lastButton.disabled = to >= page.total;
      error.say('');
      return page;
    } catch (e) {
      error.say(`Could not load the ${noun}: ${e.message}`, 'error');
      throw e;
    } finally {
      table.removeAttribute('aria-busy');
    }
  }

  /** Adds counts to the view buttons, e.g. { problems: 12 }. */
  function setViewCounts(map) {
    Object.assign(counts, map);
    for (const b of viewButtons) {
      const view = views.find((v) => v.value === b.dataset.view);
      const n = counts[b.dataset.view];
      b.textContent = n === undefined || n === null ? view.label : `${view.label} (${formatNumber(n)})`;
    }
  }

  return {
    element,
    table,
    load,
    setViewCounts,
    lastPage: () => last,
    query: queryState,
    selected: () => [...tbody.querySelectorAll('input[data-select]:checked')].map((box) => box.value),
  };
}
