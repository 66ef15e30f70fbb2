// What the registry's pages (buildings, devices, gateways) share: the active / inactive views,
// the toggle button of a row and its confirmed (de)activation, and opening a deep-linked panel.

import { api } from '../api.js';
import { button } from '../dom.js';
import { confirmAction } from './dialog.js';

export const ACTIVE_VIEWS = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'inactive', label: 'Inactive' },
];

/** The API's `active` parameter for a view: null for all. */
export function activeParam(view) {
  return view === 'all' ? null : view === 'active';
}

/** The row's Deactivate / Reactivate button. */
export function toggleButton(prefix, item, onClick) {
  return button(item.active ? 'Deactivate' : 'Reactivate', () => onClick(item), {
    'data-testid': `${prefix}-toggle`, 'data-action': 'toggle',
    'aria-label': `${item.active ? 'Deactivate' : 'Reactivate'} ${item.id}`,
    class: item.active ? 'secondary danger' : 'secondary',
  });
}

/**
 * Deactivates or reactivates after a confirmation; a reason is required to deactivate.
 * @param spec.kind        API collection, e.g. 'devices'
 * @param spec.noun        e.g. 'device'
 * @param spec.effect      { deactivate: text, reactivate: text } what the change does
 * @param spec.done        (result, deactivated) -> text of the message afterwards
 * @returns the message to show, or null when cancelled
 */
export async function toggleActive(item, { kind, noun, effect, done }) {
  const deactivate = item.active;
  const verb = deactivate ? 'Deactivate' : 'Reactivate';
  const reason = await confirmAction({
    title: `${verb} ${noun} ${item.id}?`,
    message: deactivate ? effect.deactivate : effect.reactivate,
    confirmLabel: verb,
    danger: deactivate,
    reasonRequired: deactivate,
  });
  if (reason === null) return null;
  try {
    const result = await api(`/${kind}/${encodeURIComponent(item.id)}/${deactivate ? 'deactivate' : 'reactivate'}`, { method: 'POST', reason });
    return { ok: true, text: done ? done(result, deactivate) : `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${item.id} ${deactivate ? 'deactivated' : 'reactivated'}.` };
  } catch (e) {
    return { ok: false, text: `Could not ${verb.toLowerCase()} ${item.id}: ${e.message}` };
  }
}

/** Opens the panel the URL asks for (?open=new or ?open=<id>) when the page is loaded. */
export function openRequested(detail, create, open) {
  const requested = detail.requested();
  if (requested === 'new') create();
  else if (requested) open(requested, true).catch(() => detail.close());
}
