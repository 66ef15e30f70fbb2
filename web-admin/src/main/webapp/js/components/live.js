// Status messages. announce() speaks through the shell's polite live region; statusLine() is a
// message area of a page (role=status, or role=alert for errors) that replaces its text, so a
// stale message never stays next to a new one.

import { el } from '../dom.js';

let announcer = null;

export function setAnnouncer(node) {
  announcer = node;
}

export function announce(text) {
  if (!announcer) return;
  // emptied first: the same text twice is announced twice
  announcer.textContent = '';
  window.setTimeout(() => { announcer.textContent = text; }, 50);
}

/** A message line: say(text, 'ok' | 'error' | 'busy'); say('') hides it. */
export function statusLine(attributes = {}) {
  const node = el('p', { class: 'status-line', role: 'status', hidden: true, ...attributes });
  return {
    element: node,
    say(text, kind = 'ok') {
      node.textContent = text || '';
      node.hidden = !text;
      node.dataset.kind = kind;
      node.className = `status-line ${kind}`;
      // errors interrupt: a screen reader user must hear that the action failed
      node.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    },
  };
}
