// Quarantine browser: filter, look at a payload, re-ingest selected rows or all matching rows.
'use strict';

const quarantineState = { page: 0, size: 50, total: 0 };

function localToIso(id) {
  const value = document.getElementById(id).value;
  return value ? new Date(value).toISOString() : null;
}

function filter() {
  return {
    deviceId: document.getElementById('quarantine-device').value.trim() || null,
    reason: document.getElementById('quarantine-reason').value.trim() || null,
    from: localToIso('quarantine-from'),
    to: localToIso('quarantine-to'),
  };
}

async function loadQuarantine() {
  try {
    const page = await api('/quarantine' + query({ ...filter(), page: quarantineState.page, size: quarantineState.size }));
    quarantineState.total = page.total;
    document.getElementById('quarantine-select-all').checked = false;
    document.getElementById('quarantine-row-list').replaceChildren(...page.items.map((r) => el('tr', {
      'data-testid': 'quarantine-row', 'data-id': r.id, 'data-reason': r.reason,
    },
      el('td', {}, el('input', { type: 'checkbox', 'data-testid': 'quarantine-select', value: r.id, disabled: !r.payloadComplete, title: r.payloadComplete ? null : 'payload cut or re-encoded: cannot be re-ingested' })),
      el('td', {}, r.id), el('td', {}, formatTime(r.receivedAt)), el('td', {}, r.source),
      el('td', {}, r.deviceId ?? r.topic ?? ''), el('td', {}, r.reason), el('td', {}, r.sensorId ?? ''),
      el('td', { class: 'detail' }, r.detail ?? ''),
      el('td', {}, button('Payload', 'quarantine-show', () => showRow(r.id))))));
    showPage('quarantine', quarantineState);
    say('quarantine-error', '');
  } catch (e) {
    say('quarantine-error', 'Cannot load the quarantine: ' + e.message, 'error');
  }
}

async function showRow(id) {
  try {
    const row = await api('/quarantine/' + id);
    document.getElementById('quarantine-detail').hidden = false;
    document.getElementById('quarantine-detail-id').textContent = row.id;
    document.getElementById('quarantine-detail-text').textContent =
      `${row.reason} from ${row.deviceId ?? row.topic ?? 'unknown sender'} (${row.source}) at ${formatTime(row.receivedAt)}: ${row.detail ?? ''}` +
      (row.payloadComplete ? '' : ' — payload cut or re-encoded, cannot be re-ingested');
    let text = row.payload ?? '';
    try { text = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON: shown as received */ }
    document.getElementById('quarantine-payload').textContent = text;
  } catch (e) {
    say('quarantine-error', e.message, 'error');
  }
}

async function reingest(body, what) {
  say('quarantine-result', `Re-ingesting ${what}…`);
  try {
    const r = await api('/quarantine/reingest', { method: 'POST', json: body });
    say('quarantine-result',
      `${r.messages} message(s) re-run: ${r.readingsStored} readings stored (${r.readingsDuplicate} already stored), ` +
      `${r.released} row(s) released, ${r.stillRefused} still refused, ${r.notReingestable} not re-ingestable.`);
    await loadQuarantine();
  } catch (e) {
    say('quarantine-result', e.message, 'error');
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  const params = new URLSearchParams(window.location.search);
  document.getElementById('quarantine-device').value = params.get('deviceId') || '';
  document.getElementById('quarantine-reason').value = params.get('reason') || '';
  document.getElementById('quarantine-filter').addEventListener('submit', (e) => { e.preventDefault(); quarantineState.page = 0; loadQuarantine(); });
  document.getElementById('quarantine-select-all').addEventListener('change', (e) => {
    document.querySelectorAll('[data-testid="quarantine-select"]:not([disabled])').forEach((box) => { box.checked = e.target.checked; });
  });
  document.getElementById('quarantine-reingest-selected').addEventListener('click', () => {
    const ids = [...document.querySelectorAll('[data-testid="quarantine-select"]:checked')].map((box) => Number(box.value));
    if (ids.length === 0) { say('quarantine-result', 'Select rows first.', 'error'); return; }
    reingest({ ids }, `${ids.length} row(s)`);
  });
  document.getElementById('quarantine-reingest-matching').addEventListener('click', () => {
    if (confirm(`Re-ingest all ${quarantineState.total} matching rows (at most 10,000 per click)?`)) reingest(filter(), 'all matching rows');
  });
  pager('quarantine', quarantineState, loadQuarantine);
  api('/ops/overview').then((o) => {
    document.getElementById('quarantine-reason-codes').replaceChildren(...o.quarantineByReason.map((r) => el('option', { value: r.reason })));
  }).catch(() => null);
  loadQuarantine();
});
