// Vendor cloud integrations: workflow state, per-installation cursors and lag, start/stop/pause/resume/interval.
'use strict';

function lagText(seconds) {
  if (seconds === null || seconds === undefined) return '';
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

async function act(id, action, options = { method: 'POST' }) {
  try {
    await api(`/integrations/${encodeURIComponent(id)}/${action}`, options);
    say('integrations-error', '');
  } catch (e) {
    say('integrations-error', `${action} ${id}: ${e.message}`, 'error');
  }
  await loadIntegrations();
}

function installationRows(status) {
  return status.installations.map((i) => el('tr', { 'data-testid': 'installation-row', 'data-id': i.installationId, 'data-state': i.state },
    el('td', {}, i.installationId),
    el('td', { class: i.state === 'failing' ? 'error' : '' }, i.state + (i.polling ? ' (polling)' : '')),
    el('td', {}, formatTime(i.lastSuccessAt)),
    el('td', {}, formatTime(i.cursor)),
    el('td', { 'data-testid': 'installation-lag' }, lagText(i.lagSeconds)),
    el('td', {}, String(i.readingsStored)), el('td', {}, String(i.duplicates)), el('td', {}, String(i.quarantined)),
    el('td', { class: 'detail' }, i.lastError ?? '')));
}

function card(dto) {
  const s = dto.status;
  const running = dto.state === 'running';
  const intervalInput = el('input', { 'data-testid': 'integration-interval-input', size: 8, value: s?.interval ?? dto.configuredInterval, title: 'ISO-8601, e.g. PT30S' });
  const summary = s
    ? `${s.paused ? 'paused' : dto.state} · interval ${s.interval} · ${s.rounds} rounds · last round ${formatTime(s.lastRoundAt)}` +
      (s.lastRoundError ? ` · listing failed: ${s.lastRoundError}` : '')
    : dto.detail;
  return el('article', { class: 'card', 'data-testid': 'integration', 'data-id': dto.id, 'data-state': dto.state, 'data-paused': s?.paused ? 'true' : 'false' },
    el('div', { class: 'section-head' },
      el('h3', {}, dto.id),
      el('span', { class: 'muted', 'data-testid': 'integration-summary' }, summary),
      button('Start', 'integration-start', () => act(dto.id, 'start'), { disabled: running }),
      button('Stop', 'integration-stop', () => act(dto.id, 'stop'), { disabled: !running }),
      button('Pause', 'integration-pause', () => act(dto.id, 'pause'), { disabled: !running || s?.paused }),
      button('Resume', 'integration-resume', () => act(dto.id, 'resume'), { disabled: !running || !s?.paused }),
      intervalInput,
      button('Set interval', 'integration-interval', () => act(dto.id, 'interval', { method: 'PUT', json: { interval: intervalInput.value.trim() } }), { disabled: !running })),
    el('p', { class: 'muted' }, `${dto.baseUrl} as ${dto.clientId} → devices ${dto.deviceIdTemplate}; first poll reaches back ${dto.initialLookback}; autostart ${dto.autostart}`),
    s && s.installations.length
      ? el('table', { 'data-testid': 'installation-table' },
        el('thead', {}, el('tr', {}, ...['Installation', 'State', 'Last success', 'Cursor', 'Lag', 'Stored', 'Duplicates', 'Quarantined', 'Last error'].map((h) => el('th', {}, h)))),
        el('tbody', {}, ...installationRows(s)))
      : el('p', { class: 'muted' }, 'No installations polled yet.'));
}

async function loadIntegrations() {
  try {
    const list = await api('/integrations');
    document.getElementById('integrations-empty').hidden = list.length > 0;
    document.getElementById('integration-list').replaceChildren(...list.map(card));
  } catch (e) {
    say('integrations-error', 'Cannot load the integrations: ' + e.message, 'error');
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('integrations-refresh').addEventListener('click', loadIntegrations);
  loadIntegrations();
  setInterval(loadIntegrations, 10000);
});
