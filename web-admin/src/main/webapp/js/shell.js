// The frame around every page, rendered once from the list of pages: skip link, header with the
// navigation (aria-current on the page shown), who is logged in, the one time zone all times are
// shown in, the one refresh control, the page heading and the live region for announcements.

import { api } from './api.js';
import { el } from './dom.js';
import { browserZone, formatTime, setTimeZone, timeZone, zoneOffset } from './format.js';
import { announce, setAnnouncer } from './components/live.js';
import { autoRefreshEnabled, onRefreshed, refreshNow, setAutoRefresh } from './refresh.js';

export function renderShell(body, pages, current) {
  const nav = el('nav', { 'aria-label': 'Pages' },
    el('ul', {}, ...pages.map((page) => el('li', {},
      el('a', {
        href: page.path,
        'data-testid': `nav-${page.id}`,
        'data-page': page.id,
        'aria-current': page === current ? 'page' : null,
      }, page.title)))));

  const userName = el('strong', { id: 'user-name', 'data-testid': 'user-name' }, '…');
  const logout = el('button', { type: 'button', id: 'logout', class: 'secondary', 'data-testid': 'logout' }, 'Log out');
  logout.addEventListener('click', async () => {
    await api('/session', { method: 'DELETE' }).catch(() => null);
    window.location.assign('/');
  });

  const zoneSelect = el('select', { id: 'time-zone', 'data-testid': 'time-zone' },
    el('option', { value: 'local' }, `${browserZone()} (this browser)`),
    el('option', { value: 'UTC' }, 'UTC'));
  zoneSelect.value = timeZone() === 'UTC' ? 'UTC' : 'local';
  zoneSelect.addEventListener('change', () => {
    setTimeZone(zoneSelect.value);
    // every time on the page is rendered again in the new zone
    window.location.reload();
  });

  const header = el('header', { class: 'app-header' },
    el('a', { class: 'brand', href: '/' }, 'Vorlauf admin'),
    nav,
    el('div', { class: 'session' },
      el('span', {}, 'logged in as ', userName), logout));

  const title = el('h1', { id: 'page-title', 'data-testid': 'page-title' }, current ? current.title : 'Page not found');
  const updated = el('span', { class: 'muted', 'data-testid': 'last-refresh' }, '');
  const auto = el('input', { type: 'checkbox', id: 'auto-refresh', 'data-testid': 'auto-refresh', checked: autoRefreshEnabled() });
  auto.addEventListener('change', () => setAutoRefresh(auto.checked));
  const refreshButton = el('button', { type: 'button', class: 'secondary', id: 'refresh-now', 'data-testid': 'refresh-now', onclick: () => refreshNow() }, 'Refresh now');
  const autoLabel = el('label', { for: 'auto-refresh', id: 'auto-refresh-label' }, 'Refresh automatically');
  const autoControl = el('span', { class: 'check', hidden: true }, auto, autoLabel);
  const refreshControls = el('div', { class: 'refresh', hidden: !current }, updated, autoControl, refreshButton);
  const zoneNote = el('p', { class: 'zone muted', 'data-testid': 'zone-note' },
    el('label', { for: 'time-zone' }, 'Times shown in'), ' ', zoneSelect, ' ', el('span', {}, zoneOffset()));

  const pageRoot = el('div', { id: 'page', class: 'page' });
  const main = el('main', { id: 'main', tabindex: '-1' },
    el('div', { class: 'page-head' }, title, refreshControls),
    zoneNote,
    pageRoot);
  const announcer = el('div', { id: 'announcer', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  setAnnouncer(announcer);

  body.replaceChildren(
    el('a', { class: 'skip-link', href: '#main' }, 'Skip to content'),
    header, main, announcer);
  document.title = `${current ? current.title : 'Not found'} — Vorlauf admin`;

  api('/session').then((s) => { userName.textContent = s.user; }).catch(() => null);

  onRefreshed(({ ok, at, error }) => {
    updated.textContent = ok ? `Updated ${formatTime(at)}` : `Refresh failed at ${formatTime(at)}: ${error.message}`;
    updated.dataset.ok = String(ok);
    if (!ok) announce(`Refresh failed: ${error.message}`);
  });

  return {
    root: pageRoot,
    title,
    /** A detail view names what it shows (heading and browser tab). */
    setTitle(text) {
      title.textContent = text;
      document.title = `${text} — Vorlauf admin`;
    },
    /** Offers automatic refreshing for pages that refresh themselves every `every` ms. */
    refreshing(every) {
      autoLabel.textContent = `Refresh every ${Math.round(every / 1000)} s`;
      autoControl.hidden = false;
    },
  };
}
