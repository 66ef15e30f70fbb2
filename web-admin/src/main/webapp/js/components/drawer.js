// The detail view: a panel fixed at the side of the window, so it opens in view whatever was
// scrolled, and takes the focus (its heading). Its key is in the URL (?open=...), so a detail can be
// linked and survives a reload. Escape or the close button closes it and returns the focus to the
// control that opened it.

import { el, focusOn, nodes, uid } from '../dom.js';
import { param, setParams } from '../router.js';
import { refreshNow } from '../refresh.js';

export function drawer({ label, testid }) {
  const titleId = uid('drawer-title');
  const title = el('h2', { id: titleId, tabindex: '-1' });
  const body = el('div', { class: 'drawer-body' });
  const closeButton = el('button', { type: 'button', class: 'secondary close', 'data-testid': `${testid}-close` }, 'Close');
  // the panel covers the page's own refresh control: it gets one of its own
  const refreshButton = el('button', { type: 'button', class: 'secondary', 'data-testid': `${testid}-refresh`, onclick: () => refreshNow() }, 'Refresh');
  const element = el('section', {
    class: 'drawer', 'aria-labelledby': titleId, 'data-testid': testid, hidden: true,
  }, el('div', { class: 'drawer-head' }, title, el('span', { class: 'actions' }, refreshButton, closeButton)), body);
  let opener = null;
  let onClose = null;

  function close() {
    if (element.hidden) return;
    element.hidden = true;
    element.removeAttribute('data-key');
    setParams({ open: null });
    if (onClose) onClose();
    if (opener && opener.isConnected) opener.focus();
    else document.getElementById('main')?.focus();
  }

  closeButton.addEventListener('click', close);
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });

  return {
    element,
    body,
    /** The key in the URL when the page was loaded, or ''. */
    requested: () => param('open'),
    isOpen: () => !element.hidden,
    key: () => element.dataset.key ?? null,
    /**
     * Shows content under a heading and focuses the heading.
     * @param focus false when refreshing an open drawer (the focus stays where it is)
     */
    open({ heading, key, content, focus = true, closed = null }) {
      // the control that opened the panel from outside; a re-render from inside keeps the first
      const active = document.activeElement;
      if (focus && active && active !== document.body && !element.contains(active)) opener = active;
      title.replaceChildren(...nodes(heading));
      body.replaceChildren(...nodes(content));
      element.dataset.key = key;
      element.hidden = false;
      onClose = closed;
      setParams({ open: key });
      if (focus) focusOn(title);
    },
    close,
  };
}
