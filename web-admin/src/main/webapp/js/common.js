// Shared by the registry, fleet and quarantine pages: API calls, DOM building, header.
'use strict';

const API = '/api/v1';

async function api(path, options = {}) {
  const init = { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...options };
  if (options.json !== undefined) {
    init.body = JSON.stringify(options.json);
    init.headers['Content-Type'] = 'application/json';
    delete init.json;
  }
  const response = await fetch(API + path, init);
  if (response.status === 401) {
    window.location.assign('/'); // session expired: the server shows the login page
    throw new Error('not logged in');
  }
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body && body.detail ? body.detail : `HTTP ${response.status}`);
  }
  return body;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(child ?? ''));
  }
  return node;
}

function button(label, testid, onClick, attributes = {}) {
  const b = el('button', { type: 'button', class: 'secondary', 'data-testid': testid, ...attributes }, label);
  b.addEventListener('click', onClick);
  return b;
}

function formatTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') q.set(key, value);
  }
  const text = q.toString();
  return text ? '?' + text : '';
}

/** Shows a message in a status line: kind 'error' or 'ok'. */
function say(id, text, kind = 'ok') {
  const node = document.getElementById(id);
  node.textContent = text || '';
  node.className = kind === 'error' ? 'error' : 'muted';
  node.dataset.kind = kind;
  node.hidden = !text;
}

function pager(prefix, state, load) {
  document.getElementById(`${prefix}-prev`).addEventListener('click', () => { if (state.page > 0) { state.page--; load(); } });
  document.getElementById(`${prefix}-next`).addEventListener('click', () => { if ((state.page + 1) * state.size < state.total) { state.page++; load(); } });
}

function showPage(prefix, state) {
  const first = state.total === 0 ? 0 : state.page * state.size + 1;
  const last = Math.min(state.total, (state.page + 1) * state.size);
  document.getElementById(`${prefix}-page-info`).textContent = `${first}–${last} of ${state.total}`;
  document.getElementById(`${prefix}-prev`).disabled = state.page === 0;
  document.getElementById(`${prefix}-next`).disabled = last >= state.total;
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('logout').addEventListener('click', async () => {
    await api('/session', { method: 'DELETE' }).catch(() => null);
    window.location.assign('/');
  });
  api('/session').then((s) => { document.getElementById('user-name').textContent = s.user; }).catch(() => null);
});
