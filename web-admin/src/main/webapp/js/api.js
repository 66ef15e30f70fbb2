// Calls to /api/v1. Errors come back as application/problem+json; ApiError keeps the problem,
// with errors[] tying messages to input fields where the server could.

const API = '/api/v1';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    /** [{ field, message }]; field null for the input as a whole */
    this.fieldErrors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

/**
 * @param options.json a body to send as JSON
 * @param options.reason why the operator does this: sent to the audit log (Vorlauf-Reason header)
 */
export async function api(path, options = {}) {
  const { json, reason, method = 'GET', signal } = options;
  const headers = { Accept: 'application/json, application/problem+json', 'Vorlauf-Client': 'ui' };
  const init = { method, headers, credentials: 'same-origin', signal };
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  }
  if (reason) headers['Vorlauf-Reason'] = encodeURIComponent(reason);
  const response = await fetch(API + path, init);
  if (response.status === 401) {
    // the session ended: reloading shows the login page, which returns here afterwards
    window.location.reload();
    throw new ApiError(401, { detail: 'Not logged in any more.' });
  }
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** ?a=1&b=2 of the non-empty values, '' when there are none. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') q.set(key, value);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}
