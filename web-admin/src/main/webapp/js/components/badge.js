// State words with a shape as well as a colour: text says it, the class only underlines it.

import { el } from '../dom.js';

const KINDS = {
  online: 'ok', ok: 'ok', up: 'ok', active: 'ok', running: 'ok', completed: 'ok', valid: 'ok', succeeded: 'ok',
  stale: 'warn', paused: 'warn', expiring: 'warn', behind: 'warn', refused: 'warn', never_seen: 'muted',
  offline: 'bad', down: 'bad', failed: 'bad', failing: 'bad', terminated: 'bad', timed_out: 'bad',
  revoked: 'muted', expired: 'muted', inactive: 'muted', stopped: 'muted', canceled: 'muted', unknown: 'muted',
  quarantining: 'warn', finished: 'ok', killed: 'muted',
  // setpoint delivery (V160) and portfolio runs (V161)
  applied: 'ok', queued: 'muted', sent: 'warn', rejected: 'bad', superseded: 'muted', fallback: 'warn',
  stalled: 'warn', skipped: 'muted',
};

const LABELS = { never_seen: 'never seen', timed_out: 'timed out' };

export function badge(state, text = null, attributes = {}) {
  const key = String(state ?? 'unknown').toLowerCase();
  return el('span', { class: `badge ${KINDS[key] || 'muted'}`, 'data-state': key, ...attributes },
    text ?? LABELS[key] ?? key);
}
