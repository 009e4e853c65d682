// The public API through the dashboard's door, /dashboard/api/...: the query side calls it with the session's
// access token as the bearer token, so the dashboard can do nothing the analyst's token could not. Writes carry the
// session's CSRF token.
import { csrfHeader, signedOut } from './session.js';

/** A refusal or failure, with the engine's error code and message (the public error JSON). */
export class ApiError extends Error {
  constructor(status, code, message, target) {
    super(message);
    this.status = status;
    this.code = code;
    this.target = target;
  }
}

async function request(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (method !== 'GET') Object.assign(init.headers, csrfHeader());
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`/dashboard${path}`, init);
  } catch {
    throw new ApiError(0, 'NetworkError', 'Cordon could not be reached.');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page, say): reported by status below.
  }
  // The session has ended (timeout, sign-out elsewhere) or its token can no longer be refreshed: sign in again.
  if (response.status === 401) await signedOut();
  if (!response.ok) {
    const error = json?.error;
    throw new ApiError(response.status, error?.code ?? `Http${response.status}`,
      error?.message ?? `The server answered ${response.status}.`, error?.target);
  }
  return json;
}

const id = (value) => encodeURIComponent(value);

function query(options) {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && value !== null && value !== '') parameters.set(name, value);
  }
  const text = parameters.toString();
  return text ? `?${text}` : '';
}

/** An OData string literal: quotes are doubled, as OData spells them. */
export function literal(value) {
  return `'${String(value).replaceAll("'", "''")}'`;
}

export const api = {
  machines: (filter, top) =>
    request('GET', `/api/machines${query({ $filter: filter, $orderby: 'computerDnsName asc', $top: top })}`),
  machine: (machineId) => request('GET', `/api/machines/${id(machineId)}`),
  timeline: (machineId) => request('GET', `/api/machines/${id(machineId)}/timeline`),
  isolationOptions: (machineId) => request('GET', `/api/machines/${id(machineId)}/isolationoptions`),
  machineAction: (actionId) => request('GET', `/api/machineactions/${id(actionId)}`),
  actions: (filter, top) => request('GET', `/api/machineactions${query({ $filter: filter, $top: top })}`),
  isolate: (machineId, isolationType, comment) =>
    request('POST', `/api/machines/${id(machineId)}/isolate`, { Comment: comment, IsolationType: isolationType }),
  release: (machineId, comment) => request('POST', `/api/machines/${id(machineId)}/unisolate`, { Comment: comment }),
  cancel: (actionId, comment) => request('POST', `/api/machineactions/${id(actionId)}/cancel`, { Comment: comment }),
  // Bulk actions are the command side's (read from its own tables, so a bulk is readable at once after its 202).
  bulkAction: (body) => request('POST', '/api/bulkactions', body),
  bulk: (bulkId, top) => request('GET', `/api/bulkactions/${id(bulkId)}${query({ $top: top })}`),
  cancelBulk: (bulkId, comment) => request('POST', `/api/bulkactions/${id(bulkId)}/cancel`, { Comment: comment }),
};
