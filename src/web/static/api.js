// fetch wrapper: JSON in and out, the CSRF token on every state-changing request, If-Match
// when a version is given. Errors carry the HTTP status and the API's stable code.
let csrfToken = null;

export function setCsrf(token) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(method, url, opts = {}) {
  const headers = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (opts.ifMatch !== undefined && opts.ifMatch !== null) headers['if-match'] = String(opts.ifMatch);
  let body;
  if (opts.csv !== undefined) {
    headers['content-type'] = 'text/csv';
    body = opts.csv;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const res = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ApiError(res.status, data?.error ?? 'ERROR', data?.message ?? res.statusText);
  }
  return data;
}
