// What the views share: an error panel and the filters kept in the address.
import { h } from './dom.js';
import { plainError } from './format.js';

/** An API failure where content should be, in plain words, with the engine's own message and code. */
export function errorPanel(what, error) {
  const { lead, detail, code } = plainError(error);
  return h('div', { class: 'notice error', role: 'alert' },
    h('strong', {}, what), ' ', lead, h('span', { class: 'detail' }, ` ${detail} `), h('code', {}, code));
}

/** Keeps the filters in the address, so a reload or a shared link shows the same list. */
export function remember(values) {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(values)) {
    if (value) url.searchParams.set(name, value); else url.searchParams.delete(name);
  }
  window.history.replaceState(null, '', url);
}
