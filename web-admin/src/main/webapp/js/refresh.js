// The one refresh mechanism: the shown page's refresh function runs on the page's interval, never
// while the tab is hidden (it catches up when the tab is shown again) or while a dialog is open,
// and never twice at once. The shell shows when it last succeeded and lets people pause it.

const AUTO_KEY = 'vorlauf.autoRefresh';

const state = {
  refresh: null,
  every: 0,
  timer: null,
  lastSuccess: null,
  running: null,
  holds: 0,
  listeners: new Set(),
};

export function autoRefreshEnabled() {
  return window.localStorage.getItem(AUTO_KEY) !== 'off';
}

export function setAutoRefresh(enabled) {
  window.localStorage.setItem(AUTO_KEY, enabled ? 'on' : 'off');
  schedule();
}

/** Listeners get { ok, at, error } after every run. */
export function onRefreshed(listener) {
  state.listeners.add(listener);
}

/** Runs refresh now and then every `every` ms (0: only on demand). */
export async function startRefresh(refresh, every) {
  state.refresh = refresh;
  state.every = every;
  await refreshNow();
}

export async function refreshNow() {
  if (!state.refresh) return;
  if (state.running) return state.running;
  clearTimeout(state.timer);
  state.running = (async () => {
    let outcome;
    try {
      await state.refresh();
      state.lastSuccess = Date.now();
      outcome = { ok: true, at: new Date(state.lastSuccess) };
    } catch (error) {
      outcome = { ok: false, at: new Date(), error };
    }
    state.listeners.forEach((listener) => listener(outcome));
  })();
  try {
    await state.running;
  } finally {
    state.running = null;
    schedule();
  }
}

/** Holds automatic refreshes (e.g. while a dialog is open); call the result to release. */
export function hold() {
  state.holds += 1;
  clearTimeout(state.timer);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    state.holds -= 1;
    schedule();
  };
}

function schedule() {
  clearTimeout(state.timer);
  if (!state.refresh || !state.every || !autoRefreshEnabled() || document.hidden || state.holds > 0) {
    return;
  }
  const due = (state.lastSuccess ?? 0) + state.every - Date.now();
  state.timer = setTimeout(refreshNow, Math.max(0, due));
}

document.addEventListener('visibilitychange', () => {
  if (document.hidden) clearTimeout(state.timer);
  else schedule();
});
