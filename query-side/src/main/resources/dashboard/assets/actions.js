// The Action center: every isolation and release, open ones under Pending, finished ones under History,
// filtered by status, type and device. An open action can be cancelled here. A bulk action's actions are one row
// with the bulk's progress, expandable to its actions.
import { h, fill, refill, announce } from './dom.js';
import { api, literal } from './api.js';
import * as format from './format.js';
import { openActionDialog } from './action-dialog.js';
import { errorPanel, remember } from './view.js';
import { canRemediate, noRemediationReason } from './session.js';
import { bulkGroups, bulkRows, readBulks } from './bulk-group.js';

const LIMIT = 500;
const TABS = {
  pending: { label: 'Pending', statuses: ['Pending', 'InProgress'] },
  history: { label: 'History', statuses: ['Succeeded', 'Failed', 'TimeOut', 'Cancelled'] },
};
const COLUMNS = ['Action', 'Device', 'Scope', 'Status', 'Requestor', 'Comment', 'Submitted', 'Last update'];

export async function actionsView(main, params) {
  let tab = params.get('tab') === 'history' ? 'history' : 'pending';
  const statusFilter = h('select', { id: 'filter-status', name: 'status' });
  const typeFilter = h('select', { id: 'filter-type', name: 'type' },
    h('option', { value: '' }, 'Any type'),
    ['Isolate', 'Unisolate'].map((value) => h('option', { value, selected: params.get('type') === value },
      format.actionType(value))));
  const deviceFilter = h('select', { id: 'filter-device', name: 'device' }, h('option', { value: '' }, 'All devices'));
  const tabButtons = Object.entries(TABS).map(([name, { label }]) => h('button', {
    type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': 'actions-panel', dataset: { tab: name },
  }, label, h('span', { class: 'tab-count' })));
  const panel = h('div', { role: 'tabpanel', id: 'actions-panel', tabindex: '0' });
  const tablist = h('div', { role: 'tablist', 'aria-label': 'Actions', class: 'tabs' }, tabButtons);

  fill(main,
    h('h1', {}, 'Action center'),
    tablist,
    h('form', { class: 'filters', 'aria-label': 'Filter actions', onsubmit: (e) => e.preventDefault() },
      h('div', { class: 'field' }, h('label', { for: 'filter-status' }, 'Status'), statusFilter),
      h('div', { class: 'field' }, h('label', { for: 'filter-type' }, 'Type'), typeFilter),
      h('div', { class: 'field' }, h('label', { for: 'filter-device' }, 'Device'), deviceFilter)),
    panel);

  // Open actions that finished while on screen stay listed under Pending with their outcome, so an analyst
  // watching one sees it succeed instead of seeing it vanish; leaving the tab lets them go.
  let watched = new Map(); // action id → status last shown
  let finishedHere = new Set();
  const expanded = new Set(); // the bulks whose actions are shown
  let bulks = new Map(); // bulk id → the bulk as last read (its counts), or null if it could not be read

  const statusOptions = (selected) => fill(statusFilter, h('option', { value: '' }, 'Any status'),
    TABS[tab].statuses.map((value) => h('option', { value, selected: selected === value }, format.status(value))));

  const selectTab = (name, focus) => {
    if (name !== tab) {
      tab = name;
      watched = new Map();
      finishedHere = new Set();
      statusOptions('');
    }
    for (const button of tabButtons) {
      const selected = button.dataset.tab === tab;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
      if (selected && focus) button.focus();
    }
    panel.setAttribute('aria-labelledby', `tab-${tab}`);
  };

  const filter = (statuses) => {
    const clauses = [`(${statuses.map((s) => `status eq ${literal(s)}`).join(' or ')})`];
    if (typeFilter.value) clauses.push(`type eq ${literal(typeFilter.value)}`);
    if (deviceFilter.value) clauses.push(`machineId eq ${literal(deviceFilter.value)}`);
    return clauses.join(' and ');
  };

  let generation = 0; // a slower, older read never paints over a newer one
  let rendered = null; // what the panel shows, to skip re-rendering the same
  const load = async () => {
    const mine = ++generation;
    remember({ tab: tab === 'pending' ? '' : tab, status: statusFilter.value, type: typeFilter.value,
      device: deviceFilter.value });
    try {
      const statuses = statusFilter.value ? [statusFilter.value] : TABS[tab].statuses;
      const [shown, pendingCount] = await Promise.all([
        api.actions(filter(statuses), LIMIT),
        api.actions(filter(TABS.pending.statuses), LIMIT),
      ]);
      let actions = shown.value;
      if (tab === 'pending') actions = actions.concat(await finishedSince(actions));
      const read = await readBulks(actions);
      if (mine !== generation) return;
      bulks = read;
      tabButtons[0].querySelector('.tab-count').textContent = ` (${pendingCount.value.length})`;
      // Unchanged (the stream's first event always asks for a read): leave the rows, and the focus, alone.
      const snapshot = JSON.stringify([tab, actions, [...bulks], [...expanded]]);
      if (snapshot === rendered) return;
      rendered = snapshot;
      announceChanges(actions);
      refill(panel, actions.length === 0
        ? h('p', { class: 'empty' }, tab === 'pending' ? 'No action is pending.' : 'No action matches.')
        : [actionsTable(actions), shown.value.length === LIMIT
          ? h('p', { class: 'muted' }, `Showing the newest ${LIMIT}. Filter to see older ones.`) : null]);
    } catch (error) {
      if (mine !== generation) return;
      rendered = null;
      fill(panel, errorPanel('The actions could not be read.', error));
    }
  };

  /** The actions shown as open before that are no longer open: read back with their final status. */
  async function finishedSince(open) {
    const openIds = new Set(open.map((action) => action.id));
    for (const [id, status] of watched) {
      if (!openIds.has(id) && format.isOpen(status)) finishedHere.add(id);
    }
    const ids = [...finishedHere].slice(-20);
    if (ids.length === 0) return [];
    const read = await api.actions(ids.map((id) => `id eq ${literal(id)}`).join(' or '), ids.length);
    // Only those that really ended: one that left a "Pending" status filter by starting is not finished.
    const finished = read.value.filter((action) => !format.isOpen(action.status));
    finishedHere = new Set(finished.map((action) => action.id));
    return finished.map((action) => ({ ...action, finishedHere: true }));
  }

  function announceChanges(actions) {
    for (const action of actions) {
      const before = watched.get(action.id);
      if (before && before !== action.status) {
        announce(`${format.actionType(action.type)} on ${action.computerDnsName ?? action.machineId}: `
          + `${format.status(action.status)}`);
      }
    }
    watched = new Map(actions.map((action) => [action.id, action.status]));
  }

  function actionsTable(actions) {
    // The Cancel column only for an analyst whose role may cancel; the others are told why it is not there.
    const pending = tab === 'pending' && canRemediate();
    const reason = tab === 'pending' && !canRemediate() ? noRemediationReason() : null;
    return h('div', { class: 'table-wrap' }, reason, h('table', { class: 'responsive', id: 'actions' },
      h('caption', { class: 'visually-hidden' }, `${TABS[tab].label} actions`),
      h('thead', {}, h('tr', {}, COLUMNS.map((title) => h('th', { scope: 'col' }, title)),
        pending ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Cancel')) : null)),
      bulkGroups(actions).map((group) => (group.bulkId
        ? bulkRows(group, bulks.get(group.bulkId), {
          expanded: expanded.has(group.bulkId), columns: COLUMNS.length + (pending ? 1 : 0), pending,
          toggle: () => toggleBulk(group.bulkId), cancel: (bulk) => cancelBulk(bulk, group),
          row: (action) => actionRow(action, pending),
        })
        : h('tbody', {}, group.actions.map((action) => actionRow(action, pending)))))));
  }

  function toggleBulk(bulkId) {
    if (expanded.has(bulkId)) expanded.delete(bulkId); else expanded.add(bulkId);
    rendered = null;
    load();
  }

  async function cancelBulk(bulk, group) {
    const cancelled = await openActionDialog({
      title: 'Cancel bulk action',
      intro: `Every open action of this bulk (${group.actions.length} listed here) will be cancelled, and no `
        + 'further device will get one.',
      submit: (comment) => api.cancelBulk(bulk.id, comment),
    });
    if (cancelled) {
      announce('Bulk action cancelled');
      load();
    }
  }

  function actionRow(action, pending) {
    const device = action.computerDnsName ?? action.machineId;
    const cancellable = format.isOpen(action.status);
    return h('tr', { dataset: { actionId: action.id, status: action.status }, class: action.finishedHere ? 'finished' : null },
      h('th', { scope: 'row', 'data-label': 'Action' }, format.actionType(action.type)),
      h('td', { 'data-label': 'Device' }, h('a', { href: `/devices/${encodeURIComponent(action.machineId)}` }, device)),
      h('td', { 'data-label': 'Scope' }, action.scope ? format.scope(action.scope) : h('span', { class: 'muted' }, '—')),
      h('td', { 'data-label': 'Status', class: 'status-cell' },
        format.badge('status', action.status, format.status(action.status)),
        action.finishedHere ? h('span', { class: 'muted' }, ' · now under History') : null,
        action.cancellationRequestor ? h('span', { class: 'muted' },
          ` by ${action.cancellationRequestor}${action.cancellationComment ? `: ${action.cancellationComment}` : ''}`)
          : null),
      h('td', { 'data-label': 'Requestor' }, action.requestor),
      h('td', { 'data-label': 'Comment', class: 'comment' }, action.requestorComment),
      h('td', { 'data-label': 'Submitted' }, format.time(action.creationDateTimeUtc)),
      h('td', { 'data-label': 'Last update' }, format.time(action.lastUpdateDateTimeUtc)),
      pending ? h('td', { class: 'row-action' }, cancellable ? h('button', {
        type: 'button', class: 'cancel-action', id: `cancel-${action.id}`, 'aria-label': `Cancel ${format.actionType(action.type)} on ${device}`,
        onclick: () => cancel(action, device),
      }, 'Cancel action') : null) : null);
  }

  async function cancel(action, device) {
    const cancelled = await openActionDialog({
      title: 'Cancel action',
      intro: `${format.actionType(action.type)} on ${device} (${format.status(action.status).toLowerCase()}) will `
        + 'be cancelled: the device will not carry it out.',
      submit: (comment) => api.cancel(action.id, comment),
    });
    if (cancelled) {
      announce(`${format.actionType(action.type)} on ${device} cancelled`);
      load();
    }
  }

  tablist.addEventListener('click', (event) => {
    const button = event.target.closest('[role="tab"]');
    if (button) {
      selectTab(button.dataset.tab, false);
      load();
    }
  });
  // Arrow keys move between the tabs, as the ARIA tabs pattern has it; Tab moves on into the panel.
  tablist.addEventListener('keydown', (event) => {
    const names = Object.keys(TABS);
    const index = names.indexOf(tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: names.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    selectTab(names[(next + names.length) % names.length], true);
    load();
  });
  // Other filters show other actions: what was watched under the old ones did not finish by leaving the list.
  const refilter = () => {
    watched = new Map();
    finishedHere = new Set();
    load();
  };
  for (const select of [statusFilter, typeFilter, deviceFilter]) select.addEventListener('change', refilter);

  statusOptions(params.get('status'));
  selectTab(tab, false);
  await loadDevices(deviceFilter, params.get('device'));
  await load();
  return { refresh: load };
}

async function loadDevices(select, selected) {
  try {
    const machines = (await api.machines()).value;
    select.append(...machines.map((machine) => h('option', { value: machine.id, selected: machine.id === selected },
      machine.computerDnsName ?? machine.id)));
  } catch {
    // The list still works unfiltered; the actions' own error shows if the API is away.
  }
  if (selected && select.value !== selected) {
    select.append(h('option', { value: selected, selected: true }, selected));
  }
}
