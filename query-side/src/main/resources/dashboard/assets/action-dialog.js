// The one dialog for every action an analyst confirms: isolate, release and cancel. It is a native <dialog>
// opened modally: focus moves into it and stays there, Escape closes it, and focus returns to the button that
// opened it.
import { h, fill } from './dom.js';
import { ApiError } from './api.js';
import { plainError, platform } from './format.js';

const dialog = () => document.getElementById('action-dialog');
const $ = (selector) => dialog().querySelector(selector);

/**
 * @param options.title        the dialog's heading, e.g. "Isolate device"
 * @param options.intro        one sentence on what will happen
 * @param options.isolation    for isolate only: the API's isolation options for the device
 * @param options.refusedIntro for isolate only: the sentence instead of intro when the device cannot be isolated
 * @param options.submit       async (comment, isolationType) => …; an ApiError it throws is shown in the dialog
 * @returns a promise of what submit returned, or null if the analyst cancelled
 */
export function openActionDialog({ title, intro, isolation = null, refusedIntro = '', submit }) {
  const element = dialog();
  const opener = document.activeElement;
  const listeners = new AbortController();
  const comment = $('#action-comment');
  const confirm = $('#action-confirm');
  const cancel = $('#action-cancel');

  fill($('#action-dialog-title'), title);
  fill($('#action-dialog-intro'), intro);
  comment.value = '';
  showFieldError(null);
  showError(null);
  confirm.disabled = false;
  cancel.disabled = false;
  element.removeAttribute('aria-busy');

  const possible = renderIsolation(isolation);
  if (!possible) fill($('#action-dialog-intro'), refusedIntro);
  $('#comment-field').hidden = !possible;
  confirm.hidden = !possible;
  cancel.textContent = possible ? 'Cancel' : 'Close';

  return new Promise((resolve) => {
    let result = null;
    const on = (target, type, handler) => target.addEventListener(type, handler, { signal: listeners.signal });

    on(cancel, 'click', () => element.close());
    on(comment, 'input', () => {
      if (comment.value.trim()) showFieldError(null);
    });
    // Escape while the engine is answering would hide whether the action was taken: wait for the answer.
    on(element, 'cancel', (event) => {
      if (element.hasAttribute('aria-busy')) event.preventDefault();
    });
    on(element, 'close', () => {
      listeners.abort();
      // The page may have been re-rendered meanwhile: then the opener's successor has its id.
      const back = opener?.isConnected ? opener : (opener?.id && document.getElementById(opener.id));
      if (back instanceof HTMLElement) back.focus();
      resolve(result);
    });
    on($('#action-form'), 'submit', async (event) => {
      event.preventDefault();
      const text = comment.value.trim();
      if (!text) {
        showFieldError('Type a comment: it is required, and kept in the audit trail.');
        comment.focus();
        return;
      }
      showFieldError(null);
      showError(null);
      confirm.disabled = true;
      cancel.disabled = true;
      element.setAttribute('aria-busy', 'true');
      try {
        const type = element.querySelector('input[name="isolationType"]:checked')?.value;
        result = await submit(text, type);
        element.close();
      } catch (error) {
        showError(error instanceof ApiError ? error : new ApiError(0, 'Unexpected', String(error)));
        confirm.disabled = false;
      } finally {
        cancel.disabled = false;
        element.removeAttribute('aria-busy');
      }
    });

    element.showModal();
    const first = element.querySelector('input[name="isolationType"]:checked') ?? (possible ? comment : cancel);
    first.focus();
  });
}

/** @returns whether the action can be confirmed at all on this device */
function renderIsolation(isolation) {
  const fieldset = $('#isolation-type');
  const notice = $('#live-response');
  notice.hidden = true;
  if (!isolation) {
    fieldset.hidden = true;
    return true;
  }
  fieldset.hidden = false;
  const supported = isolation.options.filter((option) => option.supported);
  // On a live-response platform the notice below says why once; each type need not repeat it.
  const platformOnly = isolation.liveResponse ? `Not supported on ${platform(isolation.osPlatform)}.` : null;
  fill(fieldset.querySelector('.choices'),
    isolation.options.map((option) => choice(option, supported[0], platformOnly)));

  if (isolation.liveResponse) {
    fill(notice,
      h('strong', {}, `Isolation is not supported for ${platform(isolation.osPlatform)} through this action.`),
      ' Use live response to isolate the device: open a live response session on it and run the isolation '
        + 'there. Cordon records nothing for this device until then.');
    notice.hidden = false;
    return false;
  }
  if (supported.length === 0) {
    fill(notice, h('strong', {}, 'This device supports no isolation type.'),
      ' Update its operating system to isolate it through Cordon.');
    notice.hidden = false;
    return false;
  }
  return true;
}

function choice(option, preselected, unsupportedText) {
  const id = `isolation-${option.isolationType.toLowerCase()}`;
  const described = `${id}-description`;
  // A bulk's dialog says what happens across its devices instead of on one.
  let description = option.description ?? describe(option);
  if (!option.supported) description = unsupportedText ?? `Not supported on this device: ${option.reason}`;
  return h('div', { class: `choice${option.supported ? '' : ' unsupported'}` },
    h('input', {
      type: 'radio', name: 'isolationType', id, value: option.isolationType,
      disabled: !option.supported, checked: option === preselected, 'aria-describedby': described,
    }),
    h('label', { for: id }, option.isolationType === 'Full' ? 'Full isolation' : 'Selective isolation'),
    h('p', { id: described, class: 'hint' }, description));
}

function describe(option) {
  if (option.isolationType === 'Full') {
    return 'Disconnects the device from every network connection except the Cordon service.';
  }
  const kept = option.keptConnectedApplications ?? [];
  return `Disconnects the device but keeps ${list(kept)} connected, so you can still reach its user.`;
}

function list(names) {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function showFieldError(message) {
  const error = $('#action-comment-error');
  error.hidden = !message;
  error.textContent = message ?? '';
  if (message) $('#action-comment').setAttribute('aria-invalid', 'true');
  else $('#action-comment').removeAttribute('aria-invalid');
}

function showError(error) {
  const box = $('#action-error');
  if (!error) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const { lead, detail, code } = plainError(error);
  fill(box, h('strong', {}, lead), h('span', { class: 'detail' }, ` ${detail} `), h('code', {}, code));
  box.hidden = false;
}
