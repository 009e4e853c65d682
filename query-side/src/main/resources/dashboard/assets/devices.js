// Devices: searchable by name, id, OS or version, and by isolation state, on the server ($filter), so that a fleet
// of any size is never loaded into the browser; each row opens its page.
import { h, fill, refill } from './dom.js';
import { api } from './api.js';
import * as format from './format.js';
import { errorPanel, remember } from './view.js';

export async function devicesView(main, params) {
  const search = h('input', {
    type: 'search', id: 'device-search', name: 'q', value: params.get('q') ?? '', autocomplete: 'off',
    placeholder: 'Name, id or OS',
  });
  const state = h('select', { id: 'device-state', name: 'state' },
    h('option', { value: '' }, 'Any state'),
    ['NotIsolated', 'IsolationPending', 'Isolated', 'ReleasePending']
      .map((value) => h('option', { value, selected: params.get('state') === value }, format.isolationState(value))));
  const count = h('p', { class: 'count', id: 'device-count', 'aria-live': 'polite' });
  const table = h('div', { class: 'table-wrap' });

  fill(main,
    h('h1', {}, 'Devices'),
    h('form', { class: 'filters', role: 'search', 'aria-label': 'Devices', onsubmit: (e) => e.preventDefault() },
      h('div', { class: 'field' }, h('label', { for: 'device-search' }, 'Search'), search),
      h('div', { class: 'field' }, h('label', { for: 'device-state' }, 'Isolation state'), state)),
    count, table);

  let loaded = null; // the list as last read, to skip re-rendering the same
  let asked = 0; // answers to an older search are dropped
  const load = async () => {
    const ask = ++asked;
    remember({ q: search.value.trim(), state: state.value });
    try {
      const value = (await api.machines(filterFor(search.value, state.value), SHOWN + 1)).value;
      if (ask !== asked) return;
      const snapshot = JSON.stringify(value);
      if (snapshot === loaded) return;
      loaded = snapshot;
      const shown = value.slice(0, SHOWN);
      count.textContent = value.length > SHOWN ? `The first ${SHOWN} devices; narrow the search to see others`
        : `${shown.length} ${shown.length === 1 ? 'device' : 'devices'}`;
      refill(table, shown.length ? devicesTable(shown) : h('p', { class: 'empty' }, 'No device matches.'));
    } catch (error) {
      if (ask !== asked) return;
      loaded = null;
      fill(table, errorPanel('The devices could not be read.', error));
    }
  };
  let typing = null;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(load, 250);
  });
  state.addEventListener('change', load);
  await load();
  return { refresh: load };
}

const SHOWN = 500;

/** The OData literal of a word: quotes doubled. */
const literal = (word) => `'${word.replace(/'/g, "''")}'`;

/**
 * Every word must match: the start of the name, the id or the version (case-insensitive), or an OS whose name
 * starts with it ("mac", "windows 11" as "windows11").
 */
export function filterFor(text, isolationState) {
  const clauses = text.trim().split(/\s+/).filter(Boolean).slice(0, 5).map((word) => {
    const options = ['computerDnsName', 'id', 'version'].map((field) => `startswith(${field},${literal(word)})`);
    const lower = word.toLowerCase();
    for (const value of format.PLATFORM_VALUES) {
      const name = format.platform(value).toLowerCase();
      if (name.startsWith(lower) || name.replace(/\s+/g, '').startsWith(lower)
          || name.split(/\s+/).some((part) => part.startsWith(lower))) {
        options.push(`osPlatform eq '${value}'`);
      }
    }
    return `(${options.join(' or ')})`;
  });
  if (isolationState) clauses.push(`isolationState eq '${isolationState}'`);
  return clauses.join(' and ') || undefined;
}

function devicesTable(machines) {
  return h('table', { class: 'responsive', id: 'devices' },
    h('caption', { class: 'visually-hidden' }, 'Devices'),
    h('thead', {}, h('tr', {}, ['Name', 'OS', 'Isolation state', 'Last action', 'Last seen']
      .map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, machines.map(deviceRow)));
}

function deviceRow(machine) {
  const href = `/devices/${encodeURIComponent(machine.id)}`;
  const row = h('tr', { class: 'link-row', dataset: { machineId: machine.id } },
    h('th', { scope: 'row', 'data-label': 'Name' }, h('a', { href, id: `device-${machine.id}` }, machine.computerDnsName ?? machine.id)),
    h('td', { 'data-label': 'OS' }, format.osSummary(machine)),
    h('td', { 'data-label': 'Isolation state' },
      format.badge('state', machine.isolationState, format.isolationState(machine.isolationState))),
    h('td', { 'data-label': 'Last action' }, machine.lastActionType
      ? [format.actionType(machine.lastActionType), ' · ',
        format.badge('status', machine.lastActionStatus, format.status(machine.lastActionStatus))]
      : h('span', { class: 'muted' }, 'None')),
    h('td', { 'data-label': 'Last seen' }, format.lastSeen(machine)));
  // The whole row is a target for the mouse; keyboard and screen-reader users have the link in it.
  row.addEventListener('click', (event) => {
    if (!event.target.closest('a') && !window.getSelection()?.toString()) window.location.assign(href);
  });
  return row;
}
