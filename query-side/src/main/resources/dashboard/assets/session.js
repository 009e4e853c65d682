// The dashboard calls the API as every client does, with a bearer token; it has no session of its own. The token
// is kept in this tab's sessionStorage only: it is gone when the tab closes, and no cookie carries it, so no other
// site's page can make the browser send it.
import { h, fill } from './dom.js';

const KEY = 'cordon.accessToken';

export function token() {
  return sessionStorage.getItem(KEY);
}

/** The Authorization header, or none when signed out. */
export function authorization() {
  const value = token();
  return value ? { Authorization: `Bearer ${value}` } : {};
}

/** The token was refused (expired, removed client): back to the sign-in form, saying why. */
export function signedOut(reason) {
  sessionStorage.removeItem(KEY);
  if (reason) sessionStorage.setItem(`${KEY}.reason`, reason);
  window.location.reload();
}

/** The sign-in form: a token pasted from the token endpoint's answer, as the start message shows how to fetch. */
export function signInView(main) {
  const reason = sessionStorage.getItem(`${KEY}.reason`);
  sessionStorage.removeItem(`${KEY}.reason`);
  const field = h('textarea', { id: 'sign-in-token', name: 'token', rows: 4, required: true, autocomplete: 'off',
    spellcheck: 'false', 'aria-describedby': 'sign-in-hint' });
  const form = h('form', { id: 'sign-in', class: 'sign-in', novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    const value = field.value.trim().replace(/^Bearer\s+/i, '');
    if (!value) return;
    sessionStorage.setItem(KEY, value);
    window.location.reload();
  } },
    h('h1', {}, 'Sign in'),
    reason ? h('p', { class: 'notice error', role: 'alert', id: 'sign-in-error' }, reason) : null,
    h('div', { class: 'field' },
      h('label', { for: 'sign-in-token' }, 'Access token'),
      field,
      h('p', { id: 'sign-in-hint', class: 'hint' },
        'A bearer token from your identity provider or Cordon\'s token service, with Machine.Read.All to see '
        + 'devices and actions and Machine.Isolate to isolate and release them. The start message of '
        + './cordon.sh run shows the curl command that fetches one. It stays in this tab only.')),
    h('div', { class: 'dialog-buttons' }, h('button', { type: 'submit', class: 'primary', id: 'sign-in-submit' },
      'Sign in')));
  fill(main, form);
  field.focus();
}

/** The header's Sign out button, shown while signed in. */
export function showSignOut() {
  const button = document.getElementById('sign-out');
  button.hidden = false;
  button.addEventListener('click', () => {
    sessionStorage.removeItem(KEY);
    window.location.assign('/devices');
  });
}
