// Devices: every device, searchable by name, id or OS, and by isolation state; each row opens its page.
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

  let machines = [];
  const render = () => {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const shown = machines.filter((m) => (!state.value || m.isolationState === state.value)
      && words.every((word) => haystack(m).includes(word)));
    count.textContent = `${shown.length} of ${machines.length} devices`;
    refill(table, shown.length ? devicesTable(shown) : h('p', { class: 'empty' }, 'No device matches.'));
    remember({ q: search.value.trim(), state: state.value });
  };
  search.addEventListener('input', render);
  state.addEventListener('change', render);

  let loaded = null; // the list as last read, to skip re-rendering the same
  const load = async () => {
    try {
      const value = (await api.machines()).value;
      const snapshot = JSON.stringify(value);
      if (snapshot === loaded) return;
      loaded = snapshot;
      machines = value;
      render();
    } catch (error) {
      loaded = null;
      fill(table, errorPanel('The devices could not be read.', error));
    }
  };
  await load();
  return { refresh: load };
}

function haystack(machine) {
  return [machine.computerDnsName, machine.id, format.platform(machine.osPlatform), machine.version]
    .filter(Boolean).join(' ').toLowerCase();
}

/** When the device's agent last called, and whether that was recently enough to count it Active. */
function lastSeen(machine) {
  if (!machine.lastSeen) return h('span', { class: 'muted' }, 'Never (agent not onboarded)');
  return [format.time(machine.lastSeen), ' · ', format.badge('health', machine.healthStatus, machine.healthStatus)];
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
    h('td', { 'data-label': 'Last seen' }, lastSeen(machine)));
  // The whole row is a target for the mouse; keyboard and screen-reader users have the link in it.
  row.addEventListener('click', (event) => {
    if (!event.target.closest('a') && !window.getSelection()?.toString()) window.location.assign(href);
  });
  return row;
}
