// Status: the services with their facts and limits (ingestion: backlog and lag per lane over every
// worker, in words and numbers), and the platform self-check with its result,
// probes and workflow history in a detail panel (?open=<workflow id>).

import { api } from '../api.js';
import { detailPath } from '../pages.js';
import { button, el } from '../dom.js';
import { formatTime, relative } from '../format.js';
import { badge } from '../components/badge.js';
import { drawer } from '../components/drawer.js';
import { announce, statusLine } from '../components/live.js';

const TITLES = { database: 'Database', mqtt: 'MQTT broker', temporal: 'Temporal', worker: 'Worker', ingestion: 'Ingestion (all workers)', wildfly: 'WildFly', simulator: 'Simulator' };

export async function mount(root) {
  const overall = el('span', { id: 'overall-status', 'data-testid': 'overall-status', class: 'badge muted' }, 'checking…');
  const checked = el('time', { id: 'last-checked', 'data-testid': 'last-checked' }, 'never');
  const services = el('div', { id: 'services', 'data-testid': 'services', class: 'cards' });
  const statusError = statusLine({ id: 'status-error', 'data-testid': 'status-error' });
  const processRows = el('tbody', { id: 'launcher-process-rows' });
  const processes = el('section', { 'aria-labelledby': 'processes-heading', hidden: true },
    el('div', { class: 'section-head' }, el('h2', { id: 'processes-heading' }, 'Processes started by the launcher')),
    el('p', { class: 'muted' }, 'A process that dies is restarted after a backoff, up to a limit; ',
      el('code', {}, 'deploy/vorlauf restart <service>'), ' restarts one by hand.'),
    el('div', { class: 'table-scroll' }, el('table', { id: 'launcher-processes', 'data-testid': 'launcher-processes' },
      el('caption', {}, 'Supervised processes'),
      el('thead', {}, el('tr', {}, ...['Process', 'State', 'PID', 'Restarts', 'Last restart'].map((h) => el('th', { scope: 'col' }, h)))),
      processRows)));
  const runButton = el('button', { type: 'button', id: 'run-self-check', 'data-testid': 'run-self-check' }, 'Run self-check');
  const selfCheckMessage = statusLine({ id: 'self-check-message', 'data-testid': 'self-check-message' });
  const runs = el('tbody', { id: 'self-check-rows' });
  const emptyRuns = el('p', { id: 'self-checks-empty', 'data-testid': 'self-checks-empty', class: 'muted', hidden: true }, 'No self-check has run yet.');
  const detail = drawer({ label: 'Self-check', testid: 'self-check-detail' });
  let polling = null;

  root.append(
    el('section', { 'aria-labelledby': 'services-heading' },
      el('div', { class: 'section-head' }, el('h2', { id: 'services-heading' }, 'Services'), overall,
        el('span', { class: 'muted' }, 'checked ', checked)),
      statusError.element, services),
    processes,
    el('section', { 'aria-labelledby': 'self-check-heading' },
      el('div', { class: 'section-head' }, el('h2', { id: 'self-check-heading' }, 'Platform self-check'), runButton),
      selfCheckMessage.element,
      el('div', { class: 'table-scroll' }, el('table', { id: 'self-checks', 'data-testid': 'self-checks' },
        el('caption', {}, 'Recent self-checks'),
        el('thead', {}, el('tr', {}, ...['Workflow ID', 'Started', 'By', 'Status', 'Details'].map((h) => el('th', { scope: 'col' }, h)))),
        runs)),
      emptyRuns),
    detail.element);

  function serviceCard(s) {
    const facts = el('dl', {}, ...Object.entries(s.facts || {}).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
    return el('article', {
      class: `card ${s.up ? 'up' : 'down'}`, id: `service-${s.name}`, 'data-testid': `service-${s.name}`,
      'data-up': String(s.up), 'aria-labelledby': `service-${s.name}-title`,
    },
      el('h3', { id: `service-${s.name}-title` }, TITLES[s.name] || s.name, ' ',
        badge(s.up ? 'up' : 'down', s.up ? 'UP' : 'DOWN', { id: `service-${s.name}-state`, 'data-testid': `service-${s.name}-state` })),
      el('p', { class: 'origin', 'data-testid': `service-${s.name}-origin` }, s.origin),
      el('p', { 'data-testid': `service-${s.name}-detail` }, s.detail),
      facts,
      s.limits && s.limits.length
        ? [el('p', { class: 'warning' }, 'Limits of this server:'),
          el('ul', { id: `service-${s.name}-limits`, 'data-testid': `service-${s.name}-limits`, class: 'limits' }, ...s.limits.map((l) => el('li', {}, l)))]
        : null);
  }

  function processRow(p) {
    // the badge's colour: restarting is a warning, given up is a failure
    const tone = { RUNNING: 'running', RESTARTING: 'paused', GAVE_UP: 'failed', STOPPED: 'stopped' }[p.state] || 'unknown';
    return el('tr', { 'data-testid': `process-${p.name}`, 'data-state': p.state, 'data-restarts': String(p.restarts), 'data-key': p.name },
      el('th', { scope: 'row' }, TITLES[p.name] || p.name),
      el('td', {}, badge(tone, p.state === 'GAVE_UP' ? 'GAVE UP' : p.state, { 'data-testid': `process-${p.name}-state` })),
      el('td', {}, p.pid ? String(p.pid) : '–'),
      el('td', {}, String(p.restarts)),
      el('td', {}, p.lastReason ? [p.lastRestart ? `${formatTime(p.lastRestart)} (${relative(p.lastRestart)}): ` : '', p.lastReason] : '–'));
  }

  function runRow(run) {
    return el('tr', { 'data-testid': 'self-check-row', 'data-workflow-id': run.workflowId, 'data-status': run.status, 'data-key': run.workflowId },
      el('th', { scope: 'row' }, el('a', { href: detailPath('workflows', run.workflowId), 'data-testid': 'self-check-explore' }, el('code', {}, run.workflowId))),
      el('td', {}, formatTime(run.startedAt)),
      el('td', {}, run.startedBy),
      el('td', {}, badge(run.status, null, { title: run.problem || null })),
      el('td', {}, button('Details', () => showSelfCheck(run.workflowId, true), {
        'data-testid': 'self-check-details', 'aria-label': `Details of ${run.workflowId}`,
      })));
  }

  async function refresh() {
    try {
      const status = await api('/status');
      statusError.say('');
      services.replaceChildren(...status.services.map(serviceCard));
      const launched = status.processes || [];
      processRows.replaceChildren(...launched.map(processRow));
      processes.hidden = launched.length === 0;
      overall.textContent = status.allUp ? 'all up' : 'degraded';
      overall.className = `badge ${status.allUp ? 'ok' : 'bad'}`;
      checked.textContent = `${formatTime(status.checkedAt)} (${relative(status.checkedAt)})`;
      checked.setAttribute('datetime', status.checkedAt);
      runs.replaceChildren(...(status.recentWorkflows || []).map(runRow));
      emptyRuns.hidden = (status.recentWorkflows || []).length > 0;
      if (status.recentWorkflowsProblem) selfCheckMessage.say(status.recentWorkflowsProblem, 'error');
      const open = detail.isOpen() ? detail.key() : null;
      if (open) await showSelfCheck(open, false);
      if (status.temporalUiUrl) root.dataset.temporalUi = status.temporalUiUrl;
    } catch (e) {
      statusError.say(`Status unavailable: ${e.message}`, 'error');
      throw e;
    }
  }

  async function showSelfCheck(workflowId, focus) {
    const check = await api(`/self-checks/${encodeURIComponent(workflowId)}`);
    const report = check.report;
    const result = report ? (report.ok ? 'ok' : 'failed') : check.run.status.toLowerCase();
    const probes = el('tbody', {}, ...(report ? report.probes : []).map((p) => el('tr', { 'data-testid': `probe-${p.name}`, 'data-ok': String(p.ok) },
      el('th', { scope: 'row' }, p.name),
      el('td', {}, badge(p.ok ? 'ok' : 'failed')),
      el('td', {}, p.latencyMillis == null ? '' : `${p.latencyMillis} ms`),
      el('td', {}, p.detail))));
    const history = el('ol', { id: 'workflow-history', 'data-testid': 'workflow-history', class: 'history' });
    detail.open({
      key: workflowId,
      focus,
      heading: ['Self-check ', el('code', { 'data-testid': 'detail-workflow-id' }, workflowId)],
      content: [
        el('p', {}, 'Result: ', badge(result === 'ok' ? 'ok' : result, report ? (report.ok ? 'OK' : 'FAILED') : check.run.status,
          { id: 'self-check-result', 'data-testid': 'self-check-result', 'data-result': result })),
        check.run.temporalUiUrl ? el('p', {}, el('a', { href: check.run.temporalUiUrl, target: '_blank', rel: 'noopener', 'data-testid': 'detail-temporal-link' }, 'Open in the Temporal Web UI')) : null,
        el('table', { id: 'self-check-probes', 'data-testid': 'self-check-probes' },
          el('caption', {}, 'Probes'),
          el('thead', {}, el('tr', {}, ...['Probe', 'Result', 'Latency', 'Detail'].map((h) => el('th', { scope: 'col' }, h)))),
          probes),
        el('h3', {}, 'History'),
        history,
      ],
    });
    try {
      const h = await api(`/workflows/${encodeURIComponent(workflowId)}/history`);
      history.replaceChildren(...h.events.map((e) => el('li', { 'data-testid': 'history-event', 'data-type': e.type },
        el('time', { datetime: e.time }, formatTime(e.time)), ' ', el('strong', {}, e.type), ' ', e.summary)));
    } catch (e) {
      history.replaceChildren(el('li', { class: 'error' }, `History unavailable: ${e.message}`));
    }
    return check;
  }

  runButton.addEventListener('click', async () => {
    runButton.disabled = true;
    selfCheckMessage.say('Starting the self-check…', 'busy');
    try {
      const started = await api('/self-checks', { method: 'POST' });
      selfCheckMessage.say(`Started ${started.workflowId}; waiting for its result…`, 'busy');
      await refresh();
      await showSelfCheck(started.workflowId, true);
      clearInterval(polling);
      polling = setInterval(async () => {
        const check = await showSelfCheck(started.workflowId, false).catch(() => null);
        if (check && check.run.status !== 'RUNNING' && check.run.status !== 'UNKNOWN') {
          clearInterval(polling);
          const ok = check.report && check.report.ok;
          selfCheckMessage.say(`Self-check ${started.workflowId} ${ok ? 'passed' : 'did not pass'}.`, ok ? 'ok' : 'error');
          announce(`Self-check ${ok ? 'passed' : 'did not pass'}`);
          await refresh().catch(() => null);
        }
      }, 1000);
    } catch (e) {
      selfCheckMessage.say(`Could not start: ${e.message}`, 'error');
    } finally {
      runButton.disabled = false;
    }
  });

  if (detail.requested()) showSelfCheck(detail.requested(), true).catch(() => detail.close());
  return { refresh, every: 10000 };
}
