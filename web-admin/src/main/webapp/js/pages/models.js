// Models: the model registry (issue 21). Every registered model with its number of versions, its
// champion and challenger; each leads to the model's page (/models/<name>) with its versions, files
// and change log. "Register a run" makes a finished experiment run the model's next version (the
// training does this by itself for every successful run), confirmed with a reason that goes to the
// audit log and to the registry's own log. /models?register=<run id> fills the form in (the link on
// a run's page).

import { api } from '../api.js';
import { el } from '../dom.js';
import { formatNumber, formatTime } from '../format.js';
import { detailPath } from '../pages.js';
import { confirmAction } from '../components/dialog.js';
import { field, formErrors } from '../components/form.js';
import { announce, statusLine } from '../components/live.js';

function version(n) {
  return n === null || n === undefined ? '–' : `v${n}`;
}

export async function mount(root) {
  const message = statusLine({ 'data-testid': 'models-message' });
  const tbody = el('tbody');
  const table = el('table', { 'data-testid': 'models' },
    el('caption', {}, 'Registered models'),
    el('thead', {}, el('tr', {}, ...['Model', 'Versions', 'Champion', 'Challenger', 'Latest', 'Registered since']
      .map((h) => el('th', { scope: 'col' }, h)))),
    tbody);
  const registerMessage = statusLine({ 'data-testid': 'register-message' });
  const prefilled = new URLSearchParams(window.location.search).get('register') ?? '';
  const form = el('form', { class: 'card', 'data-testid': 'register-form', novalidate: true },
    el('h2', {}, 'Register a run'),
    el('p', { class: 'muted' }, 'Makes a finished experiment run that stored its ONNX model the next version of a model. Registering the same run again answers the version it already is.'),
    field('name', 'Model', { required: true, attributes: { value: 'heat-demand', 'data-testid': 'register-model' } }),
    field('runId', 'Run id', { type: 'number', required: true, hint: 'The number after # on the run\'s page.', attributes: { value: prefilled, min: '1', 'data-testid': 'register-run' } }),
    field('description', 'Description', { attributes: { 'data-testid': 'register-description' } }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', 'data-testid': 'register-submit' }, 'Register')));
  const errors = formErrors(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    const name = form.elements.namedItem('name').value.trim();
    const runText = form.elements.namedItem('runId').value.trim();
    const body = { runId: runText === '' ? null : Number(runText), description: form.elements.namedItem('description').value.trim() || null };
    const reason = await confirmAction({
      title: 'Register this run?',
      message: `Run #${runText || '?'} becomes the next version of ${name || '?'}.`,
      confirmLabel: 'Register', danger: false, reasonRequired: true,
    });
    if (reason === null) return;
    try {
      const registered = await api(`/models/${encodeURIComponent(name)}/versions`, { method: 'POST', json: body, reason });
      registerMessage.say(`Run #${registered.runId} is version ${registered.version} of ${registered.model} (${registered.stage.toLowerCase()}).`);
      registerMessage.element.append(' ', el('a', { href: detailPath('models', registered.model), 'data-testid': 'registered-link' }, `Open ${registered.model}`));
      announce(`Registered as version ${registered.version}.`);
    } catch (e) {
      errors.show(e);
      registerMessage.say(`Not registered: ${e.message}`, 'error');
    }
    await refresh().catch(() => null);
  });

  root.append(
    el('p', { class: 'muted' }, 'Versions of a model are reached by their number or by an alias: the champion (in Production, what consumers use) and the challenger (in Staging, being evaluated). Every change is kept in the model\'s change log, which nobody can rewrite.'),
    message.element, el('div', { class: 'table-scroll' }, table), registerMessage.element, form);

  async function refresh() {
    try {
      const models = await api('/models');
      tbody.replaceChildren(...models.map((m) => el('tr', { 'data-testid': 'model-row', 'data-key': m.name },
        el('th', { scope: 'row' }, el('a', { href: detailPath('models', m.name), 'data-testid': 'model-link' }, m.name)),
        el('td', {}, formatNumber(m.versions)),
        el('td', { 'data-testid': 'model-champion' }, version(m.champion)),
        el('td', { 'data-testid': 'model-challenger' }, version(m.challenger)),
        el('td', {}, version(m.latest)),
        el('td', {}, formatTime(m.createdAt)))));
      if (!models.length) {
        tbody.append(el('tr', { class: 'empty' }, el('td', { colspan: 6 }, 'No models yet: the first successful training run registers heat-demand.')));
      }
      message.say('');
    } catch (e) {
      message.say(`Cannot load the models: ${e.message}`, 'error');
      throw e;
    }
  }

  return { refresh, every: 0 };
}
