// Logging: log levels changed at run time, for every worker (applied within their polling interval,
// VORLAUF_LOG_LEVEL_POLL) or for WildFly (at once); each change and reset asks for a reason and is
// in the audit log. A reset puts the logger back to its configured level.

import { api } from '../api.js';
import { button, el, uid } from '../dom.js';
import { formatTime } from '../format.js';
import { confirmAction } from '../components/dialog.js';
import { announce, statusLine } from '../components/live.js';

const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'OFF'];
const TARGETS = [{ value: 'worker', label: 'Workers' }, { value: 'wildfly', label: 'WildFly (admin WAR)' }];

function labelled(label, control) {
  return el('span', { class: 'field inline' }, el('label', { for: control.id }, label), control);
}

export async function mount(root) {
  const message = statusLine({ id: 'logging-message', 'data-testid': 'logging-message' });
  const logger = el('input', { id: uid('logger'), type: 'text', required: true, value: 'de.vorlauf', 'data-testid': 'logging-logger', autocomplete: 'off', spellcheck: 'false' });
  const target = el('select', { id: uid('target'), 'data-testid': 'logging-target' }, ...TARGETS.map((t) => el('option', { value: t.value }, t.label)));
  const level = el('select', { id: uid('level'), 'data-testid': 'logging-level' }, ...LEVELS.map((l) => el('option', { value: l }, l)));
  level.value = 'DEBUG';
  const list = el('div', { id: 'logging-list', 'data-testid': 'logging-list' });

  async function change(title, text, path, options) {
    const reason = await confirmAction({ title, message: text, confirmLabel: 'Apply', danger: false, reasonRequired: true });
    if (reason === null) return;
    try {
      await api(path, { ...options, reason });
      message.say(`${title}: done.`);
      announce(`${title}: done.`);
    } catch (e) {
      message.say(`${title}: ${e.message}`, 'error');
    }
    await refresh().catch(() => null);
  }

  const setForm = el('form', { class: 'toolbar', 'data-testid': 'logging-form' },
    labelled('Logger (ROOT for all)', logger), labelled('Processes', target), labelled('Level', level),
    el('button', { type: 'submit', 'data-testid': 'logging-set' }, 'Set level'));
  setForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = logger.value.trim();
    change(`Set ${name} to ${level.value} on ${target.value}`,
      target.value === 'worker' ? 'Every worker applies it within its polling interval.' : 'WildFly applies it at once; DEBUG and TRACE lines go to its server.log.',
      `/log-levels/${encodeURIComponent(name)}/${target.value}`, { method: 'PUT', json: { level: level.value } });
  });

  root.append(
    el('p', { class: 'muted' }, 'Levels set here override the configured ones until reset. Log lines are key=value or JSON (VORLAUF_LOG_FORMAT) and carry WorkflowId, RunId, buildingId and deviceId where they apply.'),
    message.element, setForm, list,
    el('div', { class: 'toolbar' }, ...TARGETS.map((t) => button(`Reset all: ${t.label}`,
      () => change(`Reset every level of ${t.label}`, 'Every logger returns to its configured level.', `/log-levels?target=${t.value}`, { method: 'DELETE' }),
      { class: 'secondary', 'data-testid': `logging-reset-all-${t.value}` }))));

  async function refresh() {
    try {
      const levels = await api('/log-levels');
      list.replaceChildren(levels.length
        ? el('div', { class: 'table-scroll' }, el('table', { 'data-testid': 'logging-table' },
          el('caption', {}, 'Levels set at run time'),
          el('thead', {}, el('tr', {}, ...['Logger', 'Processes', 'Level', 'Set by', 'Since', ''].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...levels.map((l) => el('tr', { 'data-testid': 'logging-row', 'data-logger': l.logger, 'data-target': l.target },
            el('th', { scope: 'row' }, el('code', {}, l.logger)),
            el('td', {}, TARGETS.find((t) => t.value === l.target)?.label ?? l.target),
            el('td', {}, l.level),
            el('td', {}, l.setBy),
            el('td', {}, formatTime(l.setAt)),
            el('td', {}, button('Reset', () => change(`Reset ${l.logger} on ${l.target}`, 'The logger returns to its configured level.',
              `/log-levels/${encodeURIComponent(l.logger)}/${l.target}`, { method: 'DELETE' }),
            { class: 'secondary', 'data-testid': 'logging-reset', 'aria-label': `Reset ${l.logger} on ${l.target}` })))))))
        : el('p', { class: 'muted', 'data-testid': 'logging-empty' }, 'Every logger runs at its configured level.'));
    } catch (e) {
      message.say(`Cannot load the log levels: ${e.message}`, 'error');
      throw e;
    }
  }

  return { refresh, every: 30000 };
}
