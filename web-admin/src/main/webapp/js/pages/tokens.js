// API tokens: machine clients (a building-management system, a gateway asking before it acts) call
// the API with "Authorization: Bearer vlt_…" instead of an ops login. Here an admin creates one
// (name, scopes, lifetime), sees its secret once, lists them with their use, and revokes them with
// a reason. Creation and revocation are in the audit log; uses are counted (every few seconds).

import { api } from '../api.js';
import { button, el, focusOn, uid } from '../dom.js';
import { formatNumber, formatTime } from '../format.js';
import { badge } from '../components/badge.js';
import { confirmAction } from '../components/dialog.js';
import { field, formErrors } from '../components/form.js';
import { announce, statusLine } from '../components/live.js';

const SCOPES = [
  { value: 'optimize', label: 'optimize: POST /api/v1/optimize' },
  { value: 'read', label: 'read: every GET of the API' },
];
const LIFETIMES = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '180', label: '180 days' },
  { value: '365', label: '365 days (the longest allowed)' },
];
const DAY_MS = 24 * 3600 * 1000;

export async function mount(root) {
  const message = statusLine({ id: 'tokens-message', 'data-testid': 'tokens-message' });
  const secret = el('section', { class: 'secret', 'data-testid': 'tokens-secret', 'aria-label': 'New token', hidden: true });
  const list = el('div', { id: 'tokens-list', 'data-testid': 'tokens-list' });

  const name = field('name', 'Name (who uses it)', { required: true, hint: 'e.g. bms-north; the audit log names its calls token:<name>.', attributes: { 'data-testid': 'tokens-name', autocomplete: 'off', maxlength: 80 } });
  const scopeBoxes = SCOPES.map((s) => field('scopes', s.label, { type: 'checkbox', attributes: { value: s.value, checked: true, 'data-testid': `tokens-scope-${s.value}` } }));
  const lifetime = field('expiresAt', 'Valid for', { type: 'select', choices: LIFETIMES, attributes: { 'data-testid': 'tokens-lifetime' } });
  lifetime.querySelector('select').value = '90';
  const legendId = uid('scopes');
  const form = el('form', { 'data-testid': 'tokens-form', novalidate: true },
    name,
    el('fieldset', { 'aria-labelledby': legendId }, el('legend', { id: legendId }, 'Scopes'), ...scopeBoxes),
    lifetime,
    el('button', { type: 'submit', 'data-testid': 'tokens-create' }, 'Create token'));
  const errors = formErrors(form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    const days = Number(form.elements.namedItem('expiresAt').value);
    const scopes = [...form.querySelectorAll('input[name=scopes]:checked')].map((i) => i.value);
    try {
      const created = await api('/tokens', {
        method: 'POST',
        json: { name: form.elements.namedItem('name').value, scopes, expiresAt: new Date(Date.now() + days * DAY_MS).toISOString() },
      });
      showSecret(created);
      form.reset();
      lifetime.querySelector('select').value = '90';
      message.say(`Token ${created.name} created.`);
      await refresh().catch(() => null);
    } catch (e) {
      errors.show(e);
    }
  });

  function showSecret(created) {
    const copy = button('Copy token', async () => {
      try {
        await navigator.clipboard.writeText(created.token);
        announce('Copied.');
      } catch (e) {
        announce('Copying is not allowed here: select the token and copy it with Ctrl+C.');
      }
    }, { 'data-testid': 'tokens-copy' });
    const heading = el('h2', { tabindex: '-1' }, `New token ${created.name}`);
    secret.replaceChildren(
      heading,
      el('p', { class: 'warning', 'data-testid': 'tokens-secret-notice' }, 'Copy this token now: it will not be shown again. Vorlauf keeps only its hash.'),
      el('p', {}, el('code', { class: 'token', 'data-testid': 'tokens-secret-value' }, created.token), ' ', copy),
      el('p', {}, 'The client sends it as ', el('code', {}, 'Authorization: Bearer <token>'), `; scopes ${created.scopes.join(', ')}, valid until ${formatTime(created.expiresAt)}.`),
      button('I have stored the token: hide it', () => { secret.hidden = true; secret.replaceChildren(); focusOn(form.querySelector('input')); }, { class: 'secondary', 'data-testid': 'tokens-secret-hide' }));
    secret.hidden = false;
    focusOn(heading);
  }

  async function revoke(token) {
    const reason = await confirmAction({
      title: `Revoke API token ${token.name}?`,
      message: `Clients using it (${token.tokenHint}…) are refused from now on here, and on other admin servers within 30 seconds. This cannot be undone.`,
      confirmLabel: 'Revoke',
    });
    if (reason === null) return;
    try {
      await api(`/tokens/${token.id}`, { method: 'DELETE', reason });
      message.say(`Token ${token.name} revoked.`);
      announce(`Token ${token.name} revoked.`);
    } catch (e) {
      message.say(`Revoking ${token.name}: ${e.message}`, 'error');
    }
    await refresh().catch(() => null);
  }

  root.append(
    el('p', { class: 'muted' }, 'API tokens let machine clients call the API without an ops login: optimize asks for a real-time recommendation, read allows every GET. '
      + 'A token expires after at most a year; its uses are counted every few seconds.'),
    message.element, secret,
    el('h2', {}, 'Create a token'), form,
    el('h2', {}, 'Tokens'), list);

  async function refresh() {
    try {
      const tokens = await api('/tokens');
      list.replaceChildren(tokens.length
        ? el('div', { class: 'table-scroll' }, el('table', { 'data-testid': 'tokens-table' },
          el('caption', {}, 'API tokens, newest first'),
          el('thead', {}, el('tr', {}, ...['Name', 'Token', 'Scopes', 'State', 'Expires', 'Created', 'Last used', 'Uses', ''].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...tokens.map((t) => el('tr', { 'data-testid': 'tokens-row', 'data-token-id': String(t.id), 'data-state': t.state },
            el('th', { scope: 'row' }, t.name),
            el('td', {}, el('code', {}, t.tokenHint), '…'),
            el('td', {}, t.scopes.join(', ')),
            el('td', {}, badge(t.state, null, { 'data-testid': 'tokens-state' })),
            el('td', {}, formatTime(t.expiresAt)),
            el('td', {}, `${formatTime(t.createdAt)} by ${t.createdBy}`),
            el('td', {}, t.lastUsedAt ? formatTime(t.lastUsedAt) : el('span', { class: 'muted' }, 'never')),
            el('td', { class: 'num', 'data-testid': 'tokens-uses' }, formatNumber(t.useCount)),
            el('td', {}, t.state === 'revoked' ? (t.revokedBy ? `revoked by ${t.revokedBy}` : '') : button('Revoke', () => revoke(t), {
              class: 'secondary danger', 'data-testid': 'tokens-revoke', 'aria-label': `Revoke token ${t.name}`,
            })))))))
        : el('p', { class: 'muted', 'data-testid': 'tokens-empty' }, 'No API token yet.'));
    } catch (e) {
      message.say(`Cannot load the tokens: ${e.message}`, 'error');
      throw e;
    }
  }

  return { refresh, every: 30000 };
}
