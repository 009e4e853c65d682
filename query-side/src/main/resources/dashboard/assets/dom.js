// Builds elements from data. Text always goes in as text nodes, never as markup: comments and device names
// are written by whoever can call the API, and must not become script in an analyst's browser.

/**
 * h('a', {href: '/x', class: 'link'}, 'text', child) — attributes set by name; `on*` functions become
 * listeners; null, undefined and false attributes and children are left out.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `element`. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** Reads a message out to screen-reader users without moving their focus. */
export function announce(message) {
  const announcer = document.getElementById('announcer');
  // Cleared first: the same message twice in a row is still read twice.
  announcer.textContent = '';
  setTimeout(() => { announcer.textContent = message; }, 50);
}

/**
 * Re-renders `element` without losing the keyboard user's place: a live update replaces the elements, so the
 * focused one, found again by its id, gets the focus back.
 */
export function refill(element, ...children) {
  const focused = document.activeElement;
  const id = focused && element.contains(focused) ? focused.id : '';
  fill(element, ...children);
  const again = id ? document.getElementById(id) : null;
  if (again) again.focus();
  return element;
}
