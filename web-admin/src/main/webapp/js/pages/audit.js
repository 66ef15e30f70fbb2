// Audit log: every operator action through the API or this UI, newest first, filtered by who,
// what, which object, outcome and time; an entry opens in the detail panel (?open=<id>).

import { api, query } from '../api.js';
import { button, el } from '../dom.js';
import { formatTime, relative } from '../format.js';
import { badge } from '../components/badge.js';
import { drawer } from '../components/drawer.js';
import { dataTable } from '../components/table.js';

export async function mount(root) {
  const actions = await api('/audit/actions').catch(() => []);
  const detail = drawer({ label: 'Audit entry', testid: 'audit-detail' });
  const entries = new Map();

  const table = dataTable({
    id: 'audit-entries',
    caption: 'Operator actions, newest first',
    noun: 'entries',
    views: [
      { value: 'all', label: 'All' },
      { value: 'succeeded', label: 'Succeeded' },
      { value: 'refused', label: 'Refused' },
      { value: 'failed', label: 'Failed' },
    ],
    filters: [
      { name: 'actor', label: 'Who', type: 'text' },
      { name: 'action', label: 'Action', type: 'select', choices: [{ value: '', label: 'any action' }, ...actions.map((a) => ({ value: a, label: a }))] },
      { name: 'objectId', label: 'Object id', type: 'text' },
      { name: 'q', label: 'Text in reason or detail', type: 'search' },
      { name: 'from', label: 'From', type: 'datetime-local' },
      { name: 'to', label: 'Before', type: 'datetime-local' },
    ],
    fetchPage: async (q) => {
      const page = await api(`/audit${query({
        actor: q.actor, action: q.action, objectId: q.objectId, q: q.q, from: q.from, to: q.to,
        outcome: q.view === 'all' ? null : q.view, page: q.page, size: q.size,
      })}`);
      page.items.forEach((e) => entries.set(String(e.id), e));
      return page;
    },
    rowKey: (e) => e.id,
    rowAttributes: (e) => ({ 'data-testid': 'audit-row', 'data-audit-action': e.action, 'data-object-id': e.objectId ?? '' }),
    columns: [
      { key: 'at', label: 'When', render: (e) => button(formatTime(e.at), () => show(String(e.id), true), { class: 'link', 'data-testid': 'audit-open', 'data-action': 'open', 'aria-label': `Entry ${e.id} of ${formatTime(e.at)}` }) },
      { key: 'actor', label: 'Who' },
      { key: 'action', label: 'Action', render: (e) => el('code', {}, e.action) },
      { key: 'object', label: 'Object', render: (e) => (e.objectType ? [e.objectType, ' ', e.objectId ? el('code', {}, e.objectId) : ''] : '') },
      { key: 'reason', label: 'Reason', className: 'detail', render: (e) => e.reason ?? el('span', { class: 'muted' }, '–') },
      { key: 'outcome', label: 'Outcome', render: (e) => badge(e.outcome, e.httpStatus ? `${e.outcome} (${e.httpStatus})` : e.outcome) },
      { key: 'client', label: 'Via', render: (e) => (e.client === 'ui' ? 'admin UI' : 'API') },
    ],
    empty: 'No action matches.',
  });

  root.append(
    el('p', { class: 'muted' }, 'Every change made through the API or this UI, kept unchangeable: who, when, what, on which object and why.'),
    table.element, detail.element);

  async function show(id, focus) {
    let e = entries.get(id);
    if (!e) {
      const page = await api(`/audit${query({ q: null, page: 0, size: 500 })}`);
      e = page.items.find((x) => String(x.id) === id);
    }
    if (!e) {
      detail.close();
      return;
    }
    const facts = [
      ['When', `${formatTime(e.at)} (${relative(e.at)})`], ['Who', e.actor], ['Action', e.action],
      ['Object', e.objectType ? `${e.objectType} ${e.objectId ?? ''}` : '–'], ['Reason', e.reason ?? '–'],
      ['Outcome', e.httpStatus ? `${e.outcome} (HTTP ${e.httpStatus})` : e.outcome], ['Detail', e.detail ?? '–'],
      ['Via', e.client === 'ui' ? 'admin UI' : 'API'],
    ];
    detail.open({
      key: id,
      focus,
      heading: `Audit entry ${e.id}`,
      content: el('dl', { class: 'facts', 'data-testid': 'audit-facts' }, ...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    });
  }

  const refresh = async () => {
    await table.load();
    if (detail.requested() && !detail.isOpen()) await show(detail.requested(), true);
  };
  return { refresh, every: 30000 };
}
