// Confirmation before destructive or operational actions. It says what will happen and asks why;
// the reason goes to the server with the action (api(..., { reason })) and into the audit log.
// A native modal <dialog>: focus moves into it and stays there, Escape cancels, focus returns to
// the control that opened it.

import { el, uid } from '../dom.js';
import { hold } from '../refresh.js';

/**
 * @returns the reason given, or null when cancelled
 */
export function confirmAction({ title, message, confirmLabel = 'Confirm', danger = true, reasonRequired = true }) {
  const opener = document.activeElement;
  const titleId = uid('dialog-title');
  const messageId = uid('dialog-message');
  const reasonId = uid('dialog-reason');
  const errorId = uid('dialog-reason-error');
  const reason = el('textarea', {
    id: reasonId, name: 'reason', rows: 3, maxlength: 1000, 'data-testid': 'confirm-reason',
    'aria-describedby': `${reasonId}-hint`, required: reasonRequired,
  });
  const error = el('p', { id: errorId, class: 'field-error', hidden: true });
  const confirm = el('button', { type: 'submit', class: danger ? 'danger' : null, 'data-testid': 'confirm-ok' }, confirmLabel);
  const cancel = el('button', { type: 'button', class: 'secondary', 'data-testid': 'confirm-cancel' }, 'Cancel');
  const form = el('form', { method: 'dialog', novalidate: true },
    el('h2', { id: titleId }, title),
    el('p', { id: messageId }, message),
    el('div', { class: 'field' },
      el('label', { for: reasonId }, reasonRequired ? 'Reason (required)' : 'Reason (optional)'),
      reason,
      el('p', { id: `${reasonId}-hint`, class: 'hint' }, 'Recorded in the audit log with your name and the time.'),
      error),
    el('div', { class: 'actions' }, confirm, cancel));
  const dialog = el('dialog', {
    class: 'confirm', 'aria-labelledby': titleId, 'aria-describedby': messageId, 'data-testid': 'confirm-dialog',
  }, form);
  document.body.append(dialog);
  const release = hold();

  return new Promise((resolve) => {
    let result = null;
    form.addEventListener('submit', (event) => {
      const text = reason.value.trim();
      if (reasonRequired && !text) {
        event.preventDefault();
        error.textContent = 'Say why, in a few words: the audit log keeps it.';
        error.hidden = false;
        reason.setAttribute('aria-invalid', 'true');
        reason.setAttribute('aria-describedby', `${reasonId}-hint ${errorId}`);
        reason.focus();
        return;
      }
      result = text || '';
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      release();
      if (opener && opener.isConnected) opener.focus();
      resolve(result);
    });
    dialog.showModal();
    reason.focus();
  });
}
