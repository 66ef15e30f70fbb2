// Vendor cloud integrations: each one polling workflow, its state (running, paused and stopped look
// different), every installation's cursor and lag (flagged when it falls behind, never "ok" at three
// weeks), and start / stop / pause / resume / interval, each confirmed with a reason.

import { api } from '../api.js';
import { button, el, uid } from '../dom.js';
import { formatDuration, formatIsoDuration, formatNumber, formatTime, isoSeconds, relative } from '../format.js';
import { badge } from '../components/badge.js';
import { confirmAction } from '../components/dialog.js';
import { announce, statusLine } from '../components/live.js';

const INTERVALS = ['PT15S', 'PT30S', 'PT1M', 'PT5M', 'PT15M', 'PT1H'];

/** Behind: more than three polling intervals and five minutes; far behind: more than a day. */
export function lagState(lagSeconds, intervalSeconds) {
  if (lagSeconds === null || lagSeconds === undefined) return null;
  if (lagSeconds > 86400) return 'far_behind';
  if (lagSeconds > 3 * (intervalSeconds || 60) + 300) return 'behind';
  return 'current';
}

function lagBadge(seconds, intervalSeconds) {
  const state = lagState(seconds, intervalSeconds);
  if (state === null) return el('span', { class: 'muted' }, '–');
  const kind = state === 'far_behind' ? 'failed' : state === 'behind' ? 'behind' : 'ok';
  const label = state === 'far_behind' ? 'far behind' : state === 'behind' ? 'behind' : 'current';
  return el('span', { 'data-testid': 'installation-lag', 'data-lag-state': state },
    formatDuration(seconds), ' ', badge(kind, label));
}

export async function mount(root) {
  const message = statusLine({ id: 'integrations-message', 'data-testid': 'integrations-error' });
  const list = el('div', { id: 'integration-list', 'data-testid': 'integration-list' });
  const empty = el('p', { id: 'integrations-empty', 'data-testid': 'integrations-empty', class: 'muted', hidden: true },
    'No integrations configured (VORLAUF_VENDOR_INTEGRATIONS_FILE).');
  root.append(
    el('p', { class: 'muted' }, 'Each integration is one polling workflow (vendor-polling-<id>). Stop lets polls in flight finish and keeps the cursors for the next start. Lag is how far the stored data is behind now.'),
    message.element, empty, list);

  const ACTIONS = {
    start: { label: 'Start', confirm: 'Start polling', danger: false, required: false, text: 'The polling workflow starts and carries on from the stored cursors.' },
    stop: { label: 'Stop', confirm: 'Stop polling', danger: true, required: true, text: 'Polling stops after the polls in flight; readings from this vendor stop arriving until it is started again.' },
    pause: { label: 'Pause', confirm: 'Pause polling', danger: true, required: true, text: 'The workflow keeps running but polls nothing until resumed; the lag grows meanwhile.' },
    resume: { label: 'Resume', confirm: 'Resume polling', danger: false, required: false, text: 'Polling resumes at the next round.' },
  };

  async function act(dto, action, extra = {}) {
    const spec = ACTIONS[action] ?? { confirm: 'Change the interval', danger: false, required: false, text: extra.text };
    const reason = await confirmAction({
      title: `${spec.confirm}: ${dto.id}?`, message: spec.text, confirmLabel: spec.confirm, danger: spec.danger, reasonRequired: spec.required,
    });
    if (reason === null) return;
    try {
      await api(`/integrations/${encodeURIComponent(dto.id)}/${extra.path ?? action}`, { method: extra.method ?? 'POST', json: extra.json, reason });
      message.say(`${dto.id}: ${spec.confirm.toLowerCase()} done.`);
      announce(`${dto.id}: ${spec.confirm.toLowerCase()} done.`);
    } catch (e) {
      message.say(`${dto.id}: ${e.message}`, 'error');
    }
    await refresh().catch(() => null);
  }

  function card(dto) {
    const s = dto.status;
    const running = dto.state === 'running';
    const state = running && s?.paused ? 'paused' : dto.state;
    const intervalSeconds = isoSeconds(s?.interval ?? dto.configuredInterval);
    const intervalId = uid('interval');
    const current = s?.interval ?? dto.configuredInterval;
    const intervalSelect = el('select', { id: intervalId, 'data-testid': 'integration-interval-input' },
      ...[...new Set([current, ...INTERVALS])].map((v) => el('option', { value: v }, formatIsoDuration(v))));
    intervalSelect.value = current;
    const headingId = uid('integration');
    return el('article', {
      class: `card integration ${state}`, 'data-testid': 'integration', 'data-id': dto.id, 'data-state': dto.state,
      'data-paused': s?.paused ? 'true' : 'false', 'aria-labelledby': headingId,
    },
      el('div', { class: 'section-head' },
        el('h2', { id: headingId }, dto.id), badge(state, null, { 'data-testid': 'integration-state' }),
        el('span', { class: 'muted', 'data-testid': 'integration-summary' }, s
          ? `polls every ${formatIsoDuration(s.interval)} · ${formatNumber(s.rounds)} rounds · last round ${formatTime(s.lastRoundAt)} (${relative(s.lastRoundAt)})`
            + (s.lastRoundError ? ` · listing failed: ${s.lastRoundError}` : '')
          : dto.detail)),
      el('div', { class: 'toolbar' },
        button('Start', () => act(dto, 'start'), { 'data-testid': 'integration-start', disabled: running, class: null }),
        button('Stop', () => act(dto, 'stop'), { 'data-testid': 'integration-stop', disabled: !running, class: 'secondary danger' }),
        button('Pause', () => act(dto, 'pause'), { 'data-testid': 'integration-pause', disabled: !running || s?.paused }),
        button('Resume', () => act(dto, 'resume'), { 'data-testid': 'integration-resume', disabled: !running || !s?.paused }),
        el('span', { class: 'field inline' }, el('label', { for: intervalId }, 'Polling interval'), intervalSelect),
        button('Set interval', () => act(dto, 'interval', {
          path: 'interval', method: 'PUT', json: { interval: intervalSelect.value },
          text: `Polls every ${formatIsoDuration(intervalSelect.value)} from the next round on.`,
        }), { 'data-testid': 'integration-interval', disabled: !running })),
      el('p', { class: 'muted' }, `${dto.baseUrl} as ${dto.clientId} → devices ${dto.deviceIdTemplate}; a first poll reaches back ${formatIsoDuration(dto.initialLookback)}; starts with the platform: ${dto.autostart ? 'yes' : 'no'}.`),
      s && s.installations.length
        ? el('div', { class: 'table-scroll' }, el('table', { 'data-testid': 'installation-table' },
          el('caption', {}, `Installations polled by ${dto.id}`),
          el('thead', {}, el('tr', {}, ...['Installation', 'State', 'Last success', 'Cursor', 'Lag', 'Stored', 'Duplicates', 'Quarantined', 'Last error']
            .map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...s.installations.map((i) => el('tr', { 'data-testid': 'installation-row', 'data-id': i.installationId, 'data-state': i.state },
            el('th', { scope: 'row' }, i.installationId),
            el('td', {}, badge(i.state), i.polling ? ' polling now' : ''),
            el('td', {}, formatTime(i.lastSuccessAt)),
            el('td', {}, formatTime(i.cursor)),
            el('td', {}, lagBadge(i.lagSeconds, intervalSeconds)),
            el('td', { class: 'num' }, formatNumber(i.readingsStored)),
            el('td', { class: 'num' }, formatNumber(i.duplicates)),
            el('td', { class: 'num' }, formatNumber(i.quarantined)),
            el('td', { class: 'detail' }, i.lastError ?? ''))))))
        : el('p', { class: 'muted' }, 'No installations polled yet.'));
  }

  async function refresh() {
    try {
      const integrations = await api('/integrations');
      empty.hidden = integrations.length > 0;
      const focused = document.activeElement?.dataset?.testid;
      const focusedCard = document.activeElement?.closest?.('[data-testid=integration]')?.dataset.id;
      list.replaceChildren(...integrations.map(card));
      if (focusedCard && focused) list.querySelector(`[data-id="${CSS.escape(focusedCard)}"] [data-testid="${focused}"]`)?.focus();
    } catch (e) {
      message.say(`Cannot load the integrations: ${e.message}`, 'error');
      throw e;
    }
  }

  return { refresh, every: 10000 };
}
