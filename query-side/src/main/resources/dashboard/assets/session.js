// Who is signed in. The dashboard holds no token: the query side signs the analyst in (OpenID Connect) and keeps
// the tokens in a server-side session, whose cookie scripts cannot read. The page learns from /dashboard/session who
// the analyst is, what their role lets them do, and the CSRF token its writes must carry.
import { h, fill } from './dom.js';

export const SIGN_IN = '/oauth2/authorization/cordon';

/** Defender's name for the permission that makes each role what it is (CordonRole). */
const ROLE_PERMISSION = {
  Viewer: 'View data', Responder: 'Active remediation actions', Administrator: 'Manage security settings',
};

let current = null;

/** To sign-in (the identity provider's page), and back to this page once signed in. */
export function signedOut() {
  window.location.assign(SIGN_IN);
  // Nothing more happens on this page: the browser is leaving it.
  return new Promise(() => {});
}

/**
 * The signed-in session, or { notConfigured } when this Cordon has no sign-in set up. Signed out: goes to sign-in
 * and never resolves.
 */
export async function loadSession() {
  let response;
  try {
    response = await fetch('/dashboard/session', { credentials: 'same-origin', cache: 'no-store',
      headers: { Accept: 'application/json' } });
  } catch {
    return { unreachable: true };
  }
  if (response.status === 401) return signedOut();
  if (response.status === 404) return { notConfigured: true };
  if (!response.ok) return { unreachable: true };
  current = await response.json();
  return current;
}

/** The header the dashboard's writes carry: the session's CSRF token. */
export function csrfHeader() {
  return current ? { [current.csrf.headerName]: current.csrf.token } : {};
}

/** Isolate, release and cancel need Machine.Isolate, which the Responder and Administrator roles allow. */
export function canRemediate() {
  return Boolean(current?.permissions?.includes('Machine.Isolate'));
}

/** Said where the Isolate, Release or Cancel button would be, for an analyst whose role does not allow them. */
export function noRemediationReason() {
  const roles = current?.roles ?? [];
  const text = roles.length
    ? `Your role, ${roles.map((role) => `${role} (${ROLE_PERMISSION[role] ?? role})`).join(', ')}, can see devices `
      + 'and actions but not isolate, release or cancel: that needs a role with Active remediation actions.'
    : 'Your account has no Cordon role that allows isolating, releasing or cancelling: that needs a role with '
      + 'Active remediation actions.';
  return h('p', { id: 'no-remediation-reason', class: 'hint' }, text);
}

/** The header: who is signed in, with which role, and the Sign out button. */
export function showSignedIn(session) {
  const who = document.getElementById('signed-in-as');
  const roles = session.roles.length ? ` · ${session.roles.join(', ')}` : '';
  // A role limited to device groups says so: the analyst then knows why other devices are not listed.
  const limited = session.deviceGroups;
  const groups = limited ? ` · ${limited.length ? limited.join(', ') : 'no device group'}` : '';
  who.textContent = `Signed in as ${session.userName}${roles}${groups}`;
  who.hidden = false;
  const button = document.getElementById('sign-out');
  button.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    // fetch, not a form: the page's policy allows no form submission. The answer names where to go next (the
    // identity provider's sign-out, which returns to Cordon).
    let location = '/';
    try {
      const response = await fetch('/dashboard/sign-out', { method: 'POST', credentials: 'same-origin',
        headers: { Accept: 'application/json', ...csrfHeader() } });
      if (response.ok) location = (await response.json()).location ?? '/';
    } catch {
      // Cordon unreachable: the session ends by itself at its timeout; the page goes to the start.
    }
    window.location.assign(location);
  });
}

/** The one sentence shown when this Cordon has no sign-in configured. */
export function notConfiguredView(main) {
  fill(main, h('h1', {}, 'Sign-in is not configured'),
    h('p', { class: 'notice', id: 'sign-in-not-configured' }, 'Sign-in to the dashboard is not configured on this '
      + 'Cordon (cordon.dashboard.sign-in.client-id, docs/operations.md); the API works with bearer tokens.'));
}

/** Cordon did not answer who is signed in. */
export function unreachableView(main) {
  fill(main, h('h1', {}, 'Cordon is not answering'),
    h('p', { class: 'notice error', role: 'alert' }, 'Cordon could not be reached. Reload the page in a moment.'));
}
