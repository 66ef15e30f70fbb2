// Every recurring workflow of Vorlauf: its timing in words, next runs, recent runs with outcome and
// a link to the run, and pause / unpause / trigger now, each confirmed (pause with a reason, which
// also becomes the schedule's note in Temporal). A paused schedule says so in its heading, its badge
// and its border. On the in-JVM test server the schedules are cron workflows: the page says plainly
// that they are not durable, and offers no actions.

import { api } from '../api.js';
import { button, el, uid } from '../dom.js';
import { formatIsoDuration, formatTime, relative } from '../format.js';
import { badge } from '../components/badge.js';
import { confirmAction } from '../components/dialog.js';
import { announce, statusLine } from '../components/live.js';

const ACTIONS = {
  pause: { confirm: 'Pause schedule', danger: true, required: true, text: 'No run starts until the schedule is unpaused; runs due meanwhile are skipped. A run in progress goes on.' },
  unpause: { confirm: 'Unpause schedule', danger: false, required: false, text: 'Runs start on the timing again from the next due time.' },
  trigger: { confirm: 'Run now', danger: false, required: false, text: 'One run starts now, besides the timing (the overlap policy applies if one still runs).' },
};

const STATE_WORDS = { active: 'active', paused: 'PAUSED', not_created: 'not created', cron: 'cron (not durable)', cron_not_running: 'not running', unknown: 'unknown: Temporal does not answer' };
const STATE_BADGE = { active: 'active', paused: 'paused', not_created: 'unknown', cron: 'stale', cron_not_running: 'stopped' };

export async function mount(root) {
  const message = statusLine({ id: 'schedules-message', 'data-testid': 'schedules-error' });
  const fallback = el('p', { class: 'card down', role: 'note', 'data-testid': 'schedules-not-durable', hidden: true },
    'Temporal here is the in-JVM test server, which has no Schedules. The worker runs these as cron workflows: they are NOT durable (a restart of that server loses them), cannot be paused or triggered, and their runs are not listed. Use the Temporal dev server or a cluster for real schedules.');
  const list = el('div', { id: 'schedule-list', 'data-testid': 'schedule-list' });
  root.append(
    el('p', { class: 'muted' }, 'Every recurring workflow of Vorlauf, declared in code and set up by the worker when it starts. Times are shown in your time zone; a timing names its own zone.'),
    message.element, fallback, list);

  async function act(dto, action) {
    const spec = ACTIONS[action];
    const reason = await confirmAction({
      title: `${spec.confirm}: ${dto.id}?`, message: spec.text, confirmLabel: spec.confirm, danger: spec.danger, reasonRequired: spec.required,
    });
    if (reason === null) return;
    try {
      await api(`/schedules/${encodeURIComponent(dto.id)}/${action}`, { method: 'POST', reason });
      message.say(`${dto.id}: ${spec.confirm.toLowerCase()} done.`);
      announce(`${dto.id}: ${spec.confirm.toLowerCase()} done.`);
    } catch (e) {
      message.say(`${dto.id}: ${e.message}`, 'error');
    }
    await refresh().catch(() => null);
  }

  function runRow(run) {
    return el('tr', { 'data-testid': 'schedule-run', 'data-outcome': run.outcome },
      el('td', {}, formatTime(run.scheduledAt)),
      el('td', {}, formatTime(run.startedAt)),
      el('td', {}, badge(run.outcome)),
      el('td', {}, run.link
        ? el('a', { href: run.link, target: '_blank', rel: 'noopener', 'data-testid': 'schedule-run-link' }, run.workflowId)
        : el('span', { class: 'mono' }, run.workflowId ?? '–')));
  }

  function card(dto) {
    const headingId = uid('schedule');
    const actionable = dto.durable && (dto.state === 'active' || dto.state === 'paused');
    const known = actionable; // Temporal answered about this schedule
    return el('article', {
      class: `card schedule ${dto.state}`, 'data-testid': 'schedule', 'data-id': dto.id, 'data-state': dto.state,
      'data-paused': dto.paused ? 'true' : 'false', 'aria-labelledby': headingId,
    },
      el('div', { class: 'section-head' },
        el('h2', { id: headingId }, dto.paused ? `${dto.id} — paused` : dto.id),
        badge(STATE_BADGE[dto.state] ?? 'unknown', STATE_WORDS[dto.state] ?? dto.state, { 'data-testid': 'schedule-state' }),
        el('span', { class: 'muted', 'data-testid': 'schedule-timing' }, dto.timing)),
      dto.paused
        ? el('p', { class: 'paused-note', 'data-testid': 'schedule-paused-note' },
          `Paused: no run starts. Reason: ${dto.note ?? 'none given'}`)
        : null,
      el('p', { class: 'muted' }, `${dto.description}. Runs ${dto.workflowType}; ${dto.overlap}; a run missed while Temporal was down starts if at most ${formatIsoDuration(dto.catchupWindow)} late.`),
      el('p', { 'data-testid': 'schedule-detail' }, dto.detail),
      el('div', { class: 'toolbar' },
        button('Pause', () => act(dto, 'pause'), { 'data-testid': 'schedule-pause', disabled: !actionable || dto.paused, class: 'secondary danger' }),
        button('Unpause', () => act(dto, 'unpause'), { 'data-testid': 'schedule-unpause', disabled: !actionable || !dto.paused }),
        button('Run now', () => act(dto, 'trigger'), { 'data-testid': 'schedule-trigger', disabled: !actionable, class: 'secondary' })),
      known
        ? el('p', { 'data-testid': 'schedule-next' }, dto.nextRuns.length
          ? `Next runs: ${dto.nextRuns.map((t) => `${formatTime(t)} (${relative(t)})`).join(' · ')}`
          : 'Next runs: none while paused.')
        : null,
      known
        ? el('p', { class: 'muted' }, `Runs started: ${dto.totalRuns}; missed (past the catch-up window): ${dto.missedRuns}; skipped (overlap): ${dto.skippedRuns}.`)
        : null,
      dto.recentRuns.length
        ? el('div', { class: 'table-scroll' }, el('table', { 'data-testid': 'schedule-runs' },
          el('caption', {}, `Recent runs of ${dto.id}, newest first`),
          el('thead', {}, el('tr', {}, ...['Due', 'Started', 'Outcome', 'Run'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...dto.recentRuns.map(runRow))))
        : el('p', { class: 'muted' }, 'No runs yet.'));
  }

  async function refresh() {
    try {
      const schedules = await api('/schedules');
      fallback.hidden = schedules.every((s) => s.durable);
      const focused = document.activeElement?.dataset?.testid;
      const focusedCard = document.activeElement?.closest?.('[data-testid=schedule]')?.dataset.id;
      list.replaceChildren(...schedules.map(card));
      if (focusedCard && focused) list.querySelector(`[data-id="${CSS.escape(focusedCard)}"] [data-testid="${focused}"]`)?.focus();
    } catch (e) {
      message.say(`Cannot load the schedules: ${e.message}`, 'error');
      throw e;
    }
  }

  return { refresh, every: 15000 };
}
