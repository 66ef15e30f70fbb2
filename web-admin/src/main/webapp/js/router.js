// The page's state lives in its URL query (filters, view, sort, page, the open detail), so every
// view can be linked, bookmarked and reloaded. Changes replace the history entry: filters are no
// navigation, and Back leaves the page as people expect.

export function params() {
  return new URLSearchParams(window.location.search);
}

export function param(name, fallback = '') {
  return params().get(name) ?? fallback;
}

/** Sets (or, for null/''/undefined, removes) query parameters. */
export function setParams(updates) {
  const q = params();
  for (const [key, value] of Object.entries(updates)) {
    if (value === null || value === undefined || value === '') q.delete(key);
    else q.set(key, String(value));
  }
  const text = q.toString();
  const url = window.location.pathname + (text ? `?${text}` : '') + window.location.hash;
  window.history.replaceState(null, '', url);
}
