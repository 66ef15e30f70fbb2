// A device's or gateway's credentials: list, issue, rotate with an overlap, revoke one or all (with
// a reason). After issue or rotate the handover shows the token once, with a copy button, and all
// a device needs besides it: broker, login, topic, an example message and the REST alternative.

import { api } from '../api.js';
import { button, el, focusOn, nodes, uid } from '../dom.js';
import { formatTime } from '../format.js';
import { badge } from './badge.js';
import { confirmAction } from './dialog.js';
import { announce, statusLine } from './live.js';

const OVERLAPS = [
  { value: 'PT1H', label: '1 hour' },
  { value: 'P1D', label: '1 day' },
  { value: 'P7D', label: '7 days' },
  { value: 'PT0S', label: 'none: revoke the old ones now' },
];

function copyButton(label, text, testid) {
  const b = button(label, async () => {
    try {
      await navigator.clipboard.writeText(text());
      announce('Copied.');
      b.textContent = 'Copied';
      setTimeout(() => { b.textContent = label; }, 2000);
    } catch (e) {
      announce('Copying is not allowed here: select the text and copy it with Ctrl+C.');
    }
  }, { 'data-testid': testid });
  return b;
}

/** @param kind 'devices' or 'gateways' */
export function credentialsSection(kind, ownerId) {
  const noun = kind === 'gateways' ? 'gateway' : 'device';
  const base = `/${kind}/${encodeURIComponent(ownerId)}/credentials`;
  const headingId = uid('credentials-heading');
  const message = statusLine({ id: 'credential-message', 'data-testid': 'credential-message' });
  const handover = el('div', { id: 'credential-secret', 'data-testid': 'credential-secret', class: 'secret', hidden: true });
  const rows = el('tbody', { id: 'credential-rows' });
  const overlapId = uid('overlap');
  const overlap = el('select', { id: overlapId, 'data-testid': 'credential-overlap' }, ...OVERLAPS.map((o) => el('option', { value: o.value }, o.label)));

  async function load() {
    const list = await api(base);
    rows.replaceChildren(...list.map((c) => el('tr', { 'data-testid': 'credential-row', 'data-credential-id': c.id, 'data-state': c.state },
      el('th', { scope: 'row' }, String(c.id)),
      el('td', {}, el('code', {}, c.tokenHint), '…'),
      el('td', {}, badge(c.state)),
      el('td', {}, `${formatTime(c.createdAt)} by ${c.createdBy}`),
      el('td', {}, formatTime(c.expiresAt)),
      el('td', {}, c.revokedAt ? `${formatTime(c.revokedAt)} by ${c.revokedBy}` : ''),
      el('td', {}, c.state === 'revoked' || c.state === 'expired' ? '' : button('Revoke', () => revokeOne(c), {
        'data-testid': 'credential-revoke', 'aria-label': `Revoke credential ${c.id}`, class: 'secondary danger',
      })))));
    if (!list.length) rows.append(el('tr', {}, el('td', { colspan: 7 }, 'No credentials yet: issue one.')));
  }

  async function showHandover(issued) {
    let connection = null;
    try {
      connection = await api(`/${kind}/${encodeURIComponent(ownerId)}/connection`);
    } catch (e) {
      connection = null;
    }
    const tokenId = uid('token');
    const facts = el('dl', { class: 'facts' },
      el('dt', {}, 'MQTT user name'), el('dd', {}, el('code', { id: 'credential-mqtt-user', 'data-testid': 'credential-mqtt-user' }, issued.mqttUsername)),
      el('dt', {}, 'MQTT password and bearer token'),
      el('dd', {}, el('code', { id: tokenId, class: 'token' }, el('span', { id: 'credential-token', 'data-testid': 'credential-token' }, issued.token)), ' ',
        copyButton('Copy token', () => issued.token, 'credential-copy')),
      connection ? [
        el('dt', {}, 'Broker'), el('dd', {}, el('code', { 'data-testid': 'credential-broker' }, connection.mqttUrl)),
        el('dt', {}, connection.topics.length > 1 ? 'Topics' : 'Topic'),
        el('dd', { 'data-testid': 'credential-topic' }, connection.topics.length
          ? connection.topics.map((t, i) => [i ? ', ' : '', el('code', {}, t)])
          : el('span', { class: 'muted' }, 'no active device assigned yet')),
        el('dt', {}, 'One sensor per message'), el('dd', {}, el('code', {}, connection.sensorTopic)),
        el('dt', {}, 'Or over HTTPS'), el('dd', {}, 'POST ', el('code', {}, connection.httpIngestUrl), ' with ', el('code', {}, 'Authorization: Bearer <token>')),
      ] : null);
    handover.replaceChildren(...nodes(
      el('h4', {}, 'New credential'),
      el('p', { id: 'credential-token-notice', 'data-testid': 'credential-token-notice', class: 'warning' }, issued.notice),
      facts,
      connection ? [
        el('p', {}, 'An example message (QoS 1, the time is now):'),
        el('pre', { class: 'payload', 'data-testid': 'credential-example', tabindex: '0', 'aria-label': 'Example message' }, connection.examplePayload),
        copyButton('Copy example', () => connection.examplePayload, 'credential-copy-example'),
      ] : null,
      el('p', {}, button('I have stored the token: hide it', () => { handover.hidden = true; handover.replaceChildren(); focusOn(heading); }, { 'data-testid': 'credential-hide' }))));
    handover.hidden = false;
    focusOn(handover.querySelector('h4'));
  }

  async function call(path, options, done) {
    try {
      const result = await api(base + path, options);
      if (result && result.token) await showHandover(result);
      message.say(typeof done === 'function' ? done(result) : done);
      await load();
    } catch (e) {
      message.say(e.message, 'error');
    }
  }

  async function revokeOne(c) {
    const reason = await confirmAction({
      title: `Revoke credential ${c.id} of ${noun} ${ownerId}?`,
      message: `The ${noun} can no longer log in or post with this token (${c.tokenHint}…).`,
      confirmLabel: 'Revoke',
    });
    if (reason !== null) await call(`/${c.id}`, { method: 'DELETE', reason }, `Credential ${c.id} revoked.`);
  }

  const heading = el('h3', { id: headingId }, 'Credentials');
  const element = el('section', { class: 'credentials', id: 'credentials-panel', 'data-testid': 'credentials-panel', 'aria-labelledby': headingId },
    heading,
    el('div', { class: 'toolbar' },
      button('Issue a credential', () => call('', { method: 'POST' }, 'Credential issued.'), { id: 'credential-issue', 'data-testid': 'credential-issue', class: null }),
      el('span', { class: 'field inline' }, el('label', { for: overlapId }, 'Old credentials stay valid for'), overlap),
      button('Rotate', async () => {
        const reason = await confirmAction({
          title: `Rotate the credentials of ${noun} ${ownerId}?`,
          message: overlap.value === 'PT0S'
            ? `A new token is issued and every current one is revoked now: the ${noun} is cut off until it has the new token.`
            : `A new token is issued; the current ones stay valid for ${overlap.selectedOptions[0].textContent}.`,
          confirmLabel: 'Rotate',
          danger: overlap.value === 'PT0S',
        });
        if (reason !== null) await call(`/rotate?overlap=${encodeURIComponent(overlap.value)}`, { method: 'POST', reason }, 'Credential rotated.');
      }, { 'data-testid': 'credential-rotate' }),
      button('Revoke all', async () => {
        const reason = await confirmAction({
          title: `Revoke every credential of ${noun} ${ownerId}?`,
          message: `The ${noun} is cut off at once: it can no longer log in to the broker or post readings.`,
          confirmLabel: 'Revoke all',
        });
        if (reason !== null) await call('', { method: 'DELETE', reason }, (r) => `${r.revoked} credential(s) revoked.`);
      }, { 'data-testid': 'credential-revoke-all', class: 'secondary danger' })),
    message.element,
    handover,
    el('div', { class: 'table-scroll' }, el('table', { 'data-testid': 'credentials' },
      el('caption', {}, `Credentials of ${noun} ${ownerId}`),
      el('thead', {}, el('tr', {}, ...['ID', 'Token', 'State', 'Created', 'Expires', 'Revoked', 'Actions'].map((h) => el('th', { scope: 'col' }, h)))),
      rows)));

  return { element, load, heading };
}
