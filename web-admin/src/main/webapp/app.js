// Vorlauf admin UI, status page: plain DOM, no framework, nothing loaded from elsewhere.
// api(), el(), formatTime() and the header (user, log out) come from js/common.js, loaded first.
'use strict';

const REFRESH_MILLIS = 10000;
const SERVICE_TITLES = { database: 'Database', mqtt: 'MQTT broker', temporal: 'Temporal', worker: 'Worker' };
let refreshTimer = null;
let selectedWorkflowId = null;

function renderService(service) {
  const facts = el('dl');
  for (const [name, value] of Object.entries(service.facts || {})) {
    facts.append(el('dt', {}, name), el('dd', {}, value));
  }
  const card = el('div', {
    class: 'card ' + (service.up ? 'up' : 'down'),
    id: `service-${service.name}`,
    'data-testid': `service-${service.name}`,
    'data-up': String(service.up),
  },
    el('h3', {}, SERVICE_TITLES[service.name] || service.name, ' ',
      el('span', { class: 'badge', id: `service-${service.name}-state`, 'data-testid': `service-${service.name}-state` }, service.up ? 'UP' : 'DOWN')),
    el('p', { class: 'origin', 'data-testid': `service-${service.name}-origin` }, service.origin),
    el('p', { 'data-testid': `service-${service.name}-detail` }, service.detail),
    facts);
  if (service.limits && service.limits.length) {
    card.append(el('p', { class: 'warning' }, 'Limits of this server:'),
      el('ul', { id: `service-${service.name}-limits`, 'data-testid': `service-${service.name}-limits`, class: 'limits' },
        ...service.limits.map((limit) => el('li', {}, limit))));
  }
  return card;
}

function renderRuns(runs) {
  const rows = document.getElementById('self-check-rows');
  rows.replaceChildren(...runs.map((run) => el('tr', {
    'data-testid': 'self-check-row', 'data-workflow-id': run.workflowId, 'data-status': run.status,
    class: run.workflowId === selectedWorkflowId ? 'selected' : null,
  },
    el('td', {}, el('code', {}, run.workflowId)),
    el('td', {}, formatTime(run.startedAt)),
    el('td', {}, run.startedBy),
    el('td', { class: 'status-' + run.status.toLowerCase(), title: run.problem || '' }, run.status),
    el('td', {}, detailButton(run.workflowId)))));
  document.getElementById('self-checks-empty').hidden = runs.length > 0;
}

function updateRow(run) {
  const row = [...document.querySelectorAll('[data-testid="self-check-row"]')].find((r) => r.dataset.workflowId === run.workflowId);
  if (!row) return;
  row.dataset.status = run.status;
  const cell = row.children[3];
  cell.textContent = run.status;
  cell.className = 'status-' + run.status.toLowerCase();
}

function detailButton(workflowId) {
  const button = el('button', { type: 'button', class: 'secondary', 'data-testid': 'self-check-details' }, 'Details');
  button.addEventListener('click', () => showSelfCheck(workflowId));
  return button;
}

async function refreshStatus() {
  const error = document.getElementById('status-error');
  try {
    const status = await api('/status');
    error.hidden = true;
    document.getElementById('services').replaceChildren(...status.services.map(renderService));
    const overall = document.getElementById('overall-status');
    overall.textContent = status.allUp ? 'all up' : 'degraded';
    overall.className = 'badge ' + (status.allUp ? 'up' : 'down');
    document.getElementById('last-checked').textContent = formatTime(status.checkedAt);
    const ui = document.getElementById('temporal-ui-link');
    ui.hidden = !status.temporalUiUrl;
    if (status.temporalUiUrl) ui.href = status.temporalUiUrl;
    renderRuns(status.recentWorkflows || []);
    if (status.recentWorkflowsProblem) {
      document.getElementById('self-check-message').textContent = status.recentWorkflowsProblem;
    }
    if (selectedWorkflowId) await showSelfCheck(selectedWorkflowId);
  } catch (e) {
    error.textContent = 'Status unavailable: ' + e.message;
    error.hidden = false;
  }
}

async function runSelfCheck() {
  const button = document.getElementById('run-self-check');
  const message = document.getElementById('self-check-message');
  button.disabled = true;
  message.textContent = 'starting…';
  try {
    const started = await api('/self-checks', { method: 'POST' });
    message.textContent = `started ${started.workflowId}`;
    selectedWorkflowId = started.workflowId;
    await refreshStatus();
    await pollUntilClosed(started.workflowId);
  } catch (e) {
    message.textContent = 'Could not start: ' + e.message;
  } finally {
    button.disabled = false;
  }
}

async function pollUntilClosed(workflowId) {
  for (let i = 0; i < 120; i++) {
    const check = await showSelfCheck(workflowId);
    if (check && check.run.status !== 'RUNNING' && check.run.status !== 'UNKNOWN') {
      await refreshStatus();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function showSelfCheck(workflowId) {
  selectedWorkflowId = workflowId;
  const panel = document.getElementById('self-check-detail');
  const check = await api('/self-checks/' + encodeURIComponent(workflowId));
  panel.hidden = false;
  panel.dataset.workflowId = workflowId;
  panel.dataset.status = check.run.status;
  document.getElementById('detail-workflow-id').textContent = workflowId;
  updateRow(check.run);
  const result = document.getElementById('self-check-result');
  const report = check.report;
  result.textContent = report ? (report.ok ? 'OK' : 'FAILED') : check.run.status;
  result.className = 'badge ' + (report ? (report.ok ? 'up' : 'down') : '');
  result.dataset.result = report ? (report.ok ? 'ok' : 'failed') : check.run.status.toLowerCase();
  const link = document.getElementById('detail-temporal-link');
  link.hidden = !check.run.temporalUiUrl;
  if (check.run.temporalUiUrl) link.href = check.run.temporalUiUrl;
  document.querySelector('#self-check-probes tbody').replaceChildren(...(report ? report.probes : []).map((probe) =>
    el('tr', { 'data-testid': `probe-${probe.name}`, 'data-ok': String(probe.ok) },
      el('td', {}, probe.name),
      el('td', { class: probe.ok ? 'status-completed' : 'status-failed' }, probe.ok ? 'ok' : 'failed'),
      el('td', {}, probe.latencyMillis == null ? '' : probe.latencyMillis + ' ms'),
      el('td', {}, probe.detail))));
  await showHistory(workflowId);
  return check;
}

async function showHistory(workflowId) {
  const list = document.getElementById('workflow-history');
  try {
    const history = await api(`/workflows/${encodeURIComponent(workflowId)}/history`);
    list.replaceChildren(...history.events.map((event) =>
      el('li', { 'data-testid': 'history-event', 'data-type': event.type },
        el('time', {}, formatTime(event.time)), ' ', el('strong', {}, event.type), ' ', event.summary)));
  } catch (e) {
    list.replaceChildren(el('li', { class: 'error' }, 'History unavailable: ' + e.message));
  }
}

function scheduleRefresh() {
  clearInterval(refreshTimer);
  if (document.getElementById('auto-refresh').checked) {
    refreshTimer = setInterval(refreshStatus, REFRESH_MILLIS);
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  document.getElementById('run-self-check').addEventListener('click', runSelfCheck);
  document.getElementById('refresh-status').addEventListener('click', refreshStatus);
  document.getElementById('auto-refresh').addEventListener('change', scheduleRefresh);
  await refreshStatus();
  scheduleRefresh();
});
