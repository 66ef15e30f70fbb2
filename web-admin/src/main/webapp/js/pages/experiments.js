// Experiments: every experiment the training tracks (issue 19), the one with the latest run first,
// with its runs, how many are running and how long it keeps artifacts. Each leads to the
// experiment's runs (/experiments/<name>), where runs are filtered, opened and compared.
// "Train now" (issue 20) starts the heat-demand training workflow with an operator's parameters,
// confirmed with a reason for the audit log; the training runs started here show their live
// progress (phase, epoch, loss: the workflow's progress query) and, when done, link to the tracked
// run and to the workflow execution.

import { api } from '../api.js';
import { el, uid } from '../dom.js';
import { formatNumber, formatTime, relative } from '../format.js';
import { detailPath } from '../pages.js';
import { badge } from '../components/badge.js';
import { confirmAction } from '../components/dialog.js';
import { field, formErrors } from '../components/form.js';
import { announce, statusLine } from '../components/live.js';

function numberOrNull(form, name) {
  const text = form.elements.namedItem(name).value.trim();
  return text === '' ? null : Number(text);
}

function loss(value) {
  return value === null || value === undefined ? '–' : value.toPrecision(4);
}

function trainingCard(run) {
  const headingId = uid('training-run');
  const status = String(run.status ?? 'unknown').toLowerCase();
  const max = run.maxEpochs || 0;
  const percent = max ? Math.round((100 * run.epoch) / max) : 0;
  const text = run.phase
    ? `${run.phase.toLowerCase()}: epoch ${run.epoch} of at most ${max}, train loss ${loss(run.trainLoss)}, validation loss ${loss(run.validationLoss)}`
    : 'progress not known yet';
  return el('article', { class: 'card', 'data-testid': 'training-run', 'data-id': run.workflowId, 'data-status': status, 'data-phase': run.phase ?? '', 'aria-labelledby': headingId },
    el('div', { class: 'section-head' },
      el('h3', { id: headingId }, `Training ${run.workflowId}`),
      badge(status),
      el('a', { href: run.workflowPage, 'data-testid': 'training-workflow-link' }, 'Workflow'),
      run.runPage ? el('a', { href: run.runPage, 'data-testid': 'training-run-link' }, 'Tracked run') : null),
    el('p', { class: 'muted' }, `Started ${formatTime(run.startedAt)} by ${run.startedBy}${run.attempt > 1 ? `; attempt ${run.attempt}, resumed from epoch ${run.resumedFromEpoch}` : ''}.`),
    el('div', { class: 'progress-line' },
      el('div', {
        class: 'progress', role: 'progressbar', 'aria-label': `Epochs of ${run.workflowId}`,
        'aria-valuemin': '0', 'aria-valuemax': String(max), 'aria-valuenow': String(run.epoch), 'aria-valuetext': text,
        'data-testid': 'training-progress',
      }, el('div', { class: 'progress-fill', style: `width: ${percent}%` })),
      el('span', { 'data-testid': 'training-progress-text' }, text)),
    run.modelRmseKw !== null && run.modelRmseKw !== undefined
      ? el('p', { 'data-testid': 'training-result' }, `Holdout RMSE ${run.modelRmseKw.toPrecision(3)} kW (degree-hour baseline ${run.degreeHoursRmseKw?.toPrecision(3) ?? '–'} kW).`)
      : null,
    run.message ? el('p', { class: 'error', 'data-testid': 'training-error' }, run.message) : null,
    run.problem ? el('p', { class: 'muted', 'data-testid': 'training-problem' }, run.problem) : null);
}

export async function mount(root) {
  const message = statusLine({ 'data-testid': 'experiments-message' });
  const tbody = el('tbody');
  const table = el('table', { id: 'experiments', 'data-testid': 'experiments' },
    el('caption', {}, 'Experiments'),
    el('thead', {}, el('tr', {}, ...['Experiment', 'Description', 'Runs', 'Running', 'Last run', 'Artifacts kept']
      .map((h) => el('th', { scope: 'col' }, h)))),
    tbody);
  const trainingMessage = statusLine({ 'data-testid': 'training-message' });
  const trainingRuns = el('div', { 'data-testid': 'training-runs' });
  const form = el('form', { class: 'card', 'data-testid': 'training-form', novalidate: true },
    el('h2', {}, 'Train now'),
    el('p', { class: 'muted' }, 'Trains the heat-demand forecast on the features of the last days (the weekly schedule does the same with the defaults) and records the run in the experiment heat-demand.'),
    field('lastDays', 'Window (days)', { type: 'number', hint: 'The last N days of features, 7 to 366.', attributes: { value: '56', min: '7', max: '366', 'data-testid': 'training-days' } }),
    field('buildingIds', 'Buildings', { type: 'textarea', hint: 'Building ids separated by commas or new lines; empty for every active building.', attributes: { 'data-testid': 'training-buildings' } }),
    field('horizonHours', 'Horizon (hours)', { type: 'number', attributes: { value: '1', min: '1', max: '24', 'data-testid': 'training-horizon' } }),
    field('hiddenLayers', 'Hidden layers', { hint: 'Widths, input side first, e.g. 32,32.', attributes: { value: '32,32', 'data-testid': 'training-layers' } }),
    field('epochs', 'Epochs at most', { type: 'number', attributes: { value: '30', min: '1', max: '1000', 'data-testid': 'training-epochs' } }),
    field('learningRate', 'Learning rate', { type: 'number', attributes: { value: '0.001', step: 'any', 'data-testid': 'training-rate' } }),
    field('seed', 'Seed', { type: 'number', attributes: { value: '42', 'data-testid': 'training-seed' } }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', 'data-testid': 'training-start' }, 'Start training')));
  const errors = formErrors(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    const buildingIds = form.elements.namedItem('buildingIds').value.split(/[\s,]+/).filter(Boolean);
    const layers = form.elements.namedItem('hiddenLayers').value.split(/[\s,-]+/).filter(Boolean).map(Number);
    const body = {
      lastDays: numberOrNull(form, 'lastDays'), buildingIds, horizonHours: numberOrNull(form, 'horizonHours'),
      hiddenLayers: layers.length ? layers : null, epochs: numberOrNull(form, 'epochs'),
      learningRate: numberOrNull(form, 'learningRate'), seed: numberOrNull(form, 'seed'),
    };
    const reason = await confirmAction({
      title: 'Start training?',
      message: `Train on the last ${body.lastDays ?? 56} days of ${buildingIds.length ? `${buildingIds.length} building(s)` : 'every active building'}.`,
      confirmLabel: 'Start training', danger: false, reasonRequired: true,
    });
    if (reason === null) return;
    try {
      const started = await api('/training/runs', { method: 'POST', json: body, reason });
      trainingMessage.say(`Training ${started.workflowId} started.`);
      announce(`Training ${started.workflowId} started.`);
    } catch (e) {
      errors.show(e);
      trainingMessage.say(`The training was not started: ${e.message}`, 'error');
    }
    await refreshTraining().catch(() => null);
  });

  async function refreshTraining() {
    try {
      const runs = await api('/training/runs');
      trainingRuns.replaceChildren(...(runs.length ? runs.map(trainingCard) : [el('p', { class: 'muted', 'data-testid': 'training-no-runs' }, 'No training runs started here yet.')]));
    } catch (e) {
      trainingMessage.say(`Cannot load the training runs: ${e.message}`, 'error');
      throw e;
    }
  }

  root.append(
    el('p', { class: 'muted' }, 'Training runs record their parameters, metrics, learning curves, artifacts and lineage here (the data and ETL runs they trained on, the code version, the workflow). Open an experiment to filter its runs, see one, or compare two to five.'),
    message.element, el('div', { class: 'table-scroll' }, table),
    trainingMessage.element, form, el('h2', {}, 'Training runs started here'), trainingRuns);

  async function refresh() {
    await Promise.all([refreshExperiments(), refreshTraining()]);
  }

  async function refreshExperiments() {
    try {
      const experiments = await api('/experiments');
      tbody.replaceChildren(...experiments.map((e) => el('tr', { 'data-testid': 'experiment-row', 'data-key': e.name },
        el('th', { scope: 'row' }, el('a', { href: detailPath('experiments', e.name), 'data-testid': 'experiment-link' }, e.name)),
        el('td', {}, e.description ?? ''),
        el('td', {}, formatNumber(e.runs)),
        el('td', {}, formatNumber(e.running)),
        el('td', {}, e.lastStartedAt ? el('time', { datetime: e.lastStartedAt, title: formatTime(e.lastStartedAt) }, relative(e.lastStartedAt)) : '–'),
        el('td', {}, `${formatNumber(e.artifactRetentionDays)} days after the run`))));
      if (!experiments.length) {
        tbody.append(el('tr', { class: 'empty' }, el('td', { colspan: 6 }, 'No experiments yet: the first training run creates its experiment.')));
      }
      message.say('');
    } catch (e) {
      message.say(`Cannot load the experiments: ${e.message}`, 'error');
      throw e;
    }
  }

  // every 5 s: the training runs' epochs are the live part of this page
  return { refresh, every: 5000 };
}
