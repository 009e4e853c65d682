// Devices: searchable by name, id, OS or version, and by isolation state, on the server ($filter), so that a fleet
// of any size is never loaded into the browser; each row opens its page. An analyst who may isolate selects
// devices (or all matching the search) and isolates or releases them in one bulk action.
import { h, fill, refill } from './dom.js';
import { api } from './api.js';
import * as format from './format.js';
import { errorPanel, remember } from './view.js';
import { canRemediate } from './session.js';
import { confirmBulk, followBulk } from './bulk.js';

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
  const remediate = canRemediate();
  const bar = h('div', { class: 'bulk-bar', id: 'bulk-bar', role: 'group', 'aria-label': 'Selected devices' });
  const result = h('div', { id: 'bulk-result-panel' });

  fill(main,
    h('h1', {}, 'Devices'),
    h('form', { class: 'filters', role: 'search', 'aria-label': 'Devices', onsubmit: (e) => e.preventDefault() },
      h('div', { class: 'field' }, h('label', { for: 'device-search' }, 'Search'), search),
      h('div', { class: 'field' }, h('label', { for: 'device-state' }, 'Isolation state'), state)),
    result, remediate ? bar : null, count, table);

  // What a bulk action would target: hand-picked ids among those shown, or every device matching the search as
  // the server will evaluate it then (the filter, not the ids on screen). A new search clears both.
  let selected = new Set();
  let allMatching = false;
  let shown = [];
  let more = false; // more devices match than are shown
  let stopFollowing = () => {};

  const renderBar = () => {
    if (!remediate) return;
    const picked = allMatching ? null : shown.filter((machine) => selected.has(machine.id)).length;
    const any = allMatching || picked > 0;
    const matching = more ? `more than ${SHOWN}` : String(shown.length);
    fill(bar,
      h('p', { class: 'bulk-count', id: 'bulk-selected', 'aria-live': 'polite' }, allMatching
        ? `All ${matching} devices matching the search are selected.`
        : `${picked} ${picked === 1 ? 'device' : 'devices'} selected.`),
      !allMatching && shown.length > 0 ? h('button', { type: 'button', id: 'select-all-matching',
        onclick: () => { allMatching = true; sync(); } }, `Select all ${matching} matching the search`) : null,
      h('button', { type: 'button', class: 'primary', id: 'isolate-selected', disabled: !any,
        onclick: () => bulk('Isolate') }, 'Isolate selected'),
      h('button', { type: 'button', id: 'release-selected', disabled: !any,
        onclick: () => bulk('Unisolate') }, 'Release selected'),
      any ? h('button', { type: 'button', id: 'clear-selection',
        onclick: () => { selected = new Set(); allMatching = false; sync(); } }, 'Clear selection') : null);
  };

  /** The checkboxes as the selection has them, without re-rendering the rows (keeps the focus where it is). */
  const sync = () => {
    for (const box of table.querySelectorAll('input[data-select]')) {
      box.checked = allMatching || selected.has(box.dataset.select);
    }
    const all = table.querySelector('#select-shown');
    if (all) {
      const picked = shown.filter((machine) => selected.has(machine.id)).length;
      all.checked = allMatching || (shown.length > 0 && picked === shown.length);
      all.indeterminate = !allMatching && picked > 0 && picked < shown.length;
    }
    renderBar();
  };

  const toggle = (machineId, on) => {
    if (allMatching) {
      // Unticking one of "all matching" leaves the others shown ticked: a hand-picked selection from then on.
      allMatching = false;
      selected = new Set(shown.map((machine) => machine.id));
    }
    if (on) selected.add(machineId); else selected.delete(machineId);
    sync();
  };
  const toggleShown = (on) => {
    allMatching = false;
    selected = on ? new Set(shown.map((machine) => machine.id)) : new Set();
    sync();
  };

  async function bulk(action) {
    const filter = filterFor(search.value, state.value) ?? EVERY_DEVICE;
    const words = [search.value.trim(), state.value && format.isolationState(state.value)].filter(Boolean);
    const label = words.length ? `the search "${words.join('", "')}"` : null;
    const ids = shown.filter((machine) => selected.has(machine.id)).map((machine) => machine.id);
    const target = allMatching ? { filter, label } : { machineIds: ids };
    const created = await confirmBulk(target, action, allMatching ? (more ? `${SHOWN}+` : shown.length) : ids.length);
    if (!created) return;
    selected = new Set();
    allMatching = false;
    sync();
    const names = new Map(shown.map((machine) => [machine.id, machine.computerDnsName]));
    stopFollowing();
    stopFollowing = followBulk(result, created, (id) => names.get(id));
  }

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
      shown = value.slice(0, SHOWN);
      more = value.length > SHOWN;
      // A device that left the list (its state changed under a state filter) is no longer selected.
      const ids = new Set(shown.map((machine) => machine.id));
      selected = new Set([...selected].filter((machineId) => ids.has(machineId)));
      count.textContent = more ? `The first ${SHOWN} devices; narrow the search to see others`
        : `${shown.length} ${shown.length === 1 ? 'device' : 'devices'}`;
      refill(table, shown.length ? devicesTable(shown, remediate ? { toggle, toggleShown } : null)
        : h('p', { class: 'empty' }, 'No device matches.'));
      sync();
    } catch (error) {
      if (ask !== asked) return;
      loaded = null;
      fill(table, errorPanel('The devices could not be read.', error));
    }
  };
  const researched = () => {
    selected = new Set();
    allMatching = false;
    load();
  };
  let typing = null;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(researched, 250);
  });
  state.addEventListener('change', researched);
  await load();
  return { refresh: load };
}

/** "All matching" without a search: a $filter every device matches (each has one of the isolation states). */
const EVERY_DEVICE = ['NotIsolated', 'IsolationPending', 'Isolated', 'ReleasePending']
  .map((value) => `isolationState eq '${value}'`).join(' or ');

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

function devicesTable(machines, selection) {
  return h('table', { class: 'responsive', id: 'devices' },
    h('caption', { class: 'visually-hidden' }, 'Devices'),
    h('thead', {}, h('tr', {},
      selection ? h('th', { scope: 'col', class: 'select' }, h('input', { type: 'checkbox', id: 'select-shown',
        'aria-label': 'Select all devices shown', onchange: (event) => selection.toggleShown(event.target.checked) }))
        : null,
      ['Name', 'OS', 'Isolation state', 'Last action', 'Last seen'].map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, machines.map((machine) => deviceRow(machine, selection))));
}

function deviceRow(machine, selection) {
  const href = `/devices/${encodeURIComponent(machine.id)}`;
  const row = h('tr', { class: 'link-row', dataset: { machineId: machine.id } },
    selection ? h('td', { class: 'select', 'data-label': 'Select' }, h('input', {
      type: 'checkbox', id: `select-${machine.id}`, dataset: { select: machine.id },
      'aria-label': `Select ${machine.computerDnsName ?? machine.id}`,
      onchange: (event) => selection.toggle(machine.id, event.target.checked),
    })) : null,
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
    if (!event.target.closest('a, input, td.select') && !window.getSelection()?.toString()) {
      window.location.assign(href);
    }
  });
  return row;
}
