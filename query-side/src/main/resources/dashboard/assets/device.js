// The device page: what the device is, whether it is isolated, the action in progress, the one button that
// isolates or releases it, and its timeline.
import { h, fill, refill, announce } from './dom.js';
import { api } from './api.js';
import * as format from './format.js';
import { openActionDialog } from './action-dialog.js';
import { errorPanel } from './view.js';
import { canRemediate, noRemediationReason } from './session.js';

export async function deviceView(main, params, machineId) {
  let shown = null; // the open action's id and status on screen, to announce changes to it
  let rendered = null; // what the page shows, to skip re-rendering the same

  let generation = 0; // a slower, older read never paints over a newer one
  const load = async () => {
    const mine = ++generation;
    let machine;
    let timeline;
    let open = null;
    try {
      [machine, timeline] = await Promise.all([api.machine(machineId), api.timeline(machineId)]);
      if (machine.pendingActionId) open = await api.machineAction(machine.pendingActionId);
    } catch (error) {
      if (mine !== generation) return;
      rendered = null;
      document.title = 'Device · Cordon';
      if (error.status === 404) {
        // A device outside the analyst's device groups is answered the same: it does not exist for them.
        document.title = 'Device not found · Cordon';
        fill(main, h('h1', {}, 'Device not found'),
          h('p', { class: 'notice', id: 'device-not-found' }, `No device with the id ${machineId} was found.`),
          h('p', {}, h('a', { href: '/devices' }, 'Back to devices')));
        return;
      }
      fill(main, h('h1', {}, 'Device'), errorPanel('The device could not be read.', error),
        h('p', {}, h('a', { href: '/devices' }, 'Back to devices')));
      return;
    }
    if (mine !== generation) return;
    // Unchanged (the stream's first event always asks for a read): leave the page, and the focus, as they are.
    const snapshot = JSON.stringify([machine, timeline, open]);
    if (snapshot === rendered) return;
    rendered = snapshot;
    announceChange(machine, open);
    document.title = `${machine.computerDnsName ?? machine.id} · Cordon`;
    refill(main,
      h('p', { class: 'breadcrumb' }, h('a', { href: '/devices' }, 'Devices'), ' / '),
      h('div', { class: 'page-head' },
        h('div', {},
          h('h1', { id: 'device-name' }, machine.computerDnsName ?? machine.id),
          h('p', { class: 'subtitle' }, format.osSummary(machine))),
        actionButton(machine, open)),
      h('div', { id: 'page-error' }),
      summary(machine),
      openActionPanel(open),
      timelineSection(timeline.value));
  };

  /** Says out loud what changed without the analyst doing anything: the action moving on. */
  function announceChange(machine, open) {
    const now = open
      ? { id: open.id, status: open.status }
      : { id: machine.lastActionId, status: machine.lastActionStatus };
    if (shown && now.id === shown.id && now.status !== shown.status && now.status) {
      announce(`${format.actionType(open?.type ?? machine.lastActionType)}: ${format.status(now.status)}`);
    }
    shown = now;
  }

  function actionButton(machine, open) {
    if (!canRemediate()) return h('div', { class: 'page-actions' }, noRemediationReason());
    const isolated = machine.isolationState === 'Isolated' || machine.isolationState === 'ReleasePending';
    const label = isolated ? 'Release from isolation' : 'Isolate device';
    const reason = open
      ? `${format.actionType(open.type)} is ${format.status(open.status).toLowerCase()}: wait for it to finish, `
        + 'or cancel it in the Action center.'
      : null;
    const button = h('button', {
      type: 'button', id: 'device-action', class: 'primary', disabled: Boolean(open),
      'aria-describedby': reason ? 'device-action-reason' : null,
      onclick: () => (isolated ? release(machine) : isolate(machine)),
    }, label);
    return h('div', { class: 'page-actions' }, button,
      reason ? h('p', { id: 'device-action-reason', class: 'hint' }, reason) : null);
  }

  async function isolate(machine) {
    let isolation;
    try {
      isolation = await api.isolationOptions(machine.id);
    } catch (error) {
      fill(main.querySelector('#page-error'), errorPanel('The isolation options could not be read.', error));
      return;
    }
    const action = await openActionDialog({
      title: 'Isolate device',
      intro: `${machine.computerDnsName ?? machine.id} will be disconnected from the network. `
        + 'It stays connected to Cordon, which keeps monitoring it, and can be released at any time.',
      isolation,
      refusedIntro: `${machine.computerDnsName ?? machine.id} cannot be isolated through Cordon.`,
      submit: (comment, type) => api.isolate(machine.id, type, comment),
    });
    if (action) submitted(action);
  }

  async function release(machine) {
    const action = await openActionDialog({
      title: 'Release from isolation',
      intro: `${machine.computerDnsName ?? machine.id} will be reconnected to the network.`,
      submit: (comment) => api.release(machine.id, comment),
    });
    if (action) submitted(action);
  }

  function submitted(action) {
    announce(`${format.actionType(action.type)} submitted: ${format.status(action.status)}`);
    load();
  }

  await load();
  return {
    refresh: (changes) => {
      if (!changes || changes.some((change) => change.machineId === machineId)) load();
    },
  };
}

function summary(machine) {
  const row = (term, ...description) => [h('dt', {}, term), h('dd', {}, ...description)];
  return h('section', { class: 'card', 'aria-labelledby': 'summary-title' },
    h('h2', { id: 'summary-title' }, 'Overview'),
    h('dl', { class: 'facts', id: 'device-facts' },
      row('Isolation state', h('span', { id: 'isolation-state' },
        format.badge('state', machine.isolationState, format.isolationState(machine.isolationState)))),
      row('Isolation scope', machine.isolationScope
        ? format.scope(machine.isolationScope) : h('span', { class: 'muted' }, 'Not isolated')),
      row('Operating system', format.platform(machine.osPlatform)),
      row('Version', machine.version ?? h('span', { class: 'muted' }, 'Not reported')),
      row('OS build', machine.osBuild != null ? String(machine.osBuild) : h('span', { class: 'muted' }, 'Not reported')),
      row('Risk score', assessment(machine.riskScore)),
      row('Exposure level', assessment(machine.exposureLevel)),
      row('Last seen', h('span', { id: 'device-last-seen' }, format.lastSeen(machine))),
      row('Tags', h('span', { id: 'device-tags' }, tags(machine.machineTags))),
      row('Device group', h('span', { id: 'device-group' },
        machine.rbacGroupName ?? h('span', { class: 'muted' }, 'None'))),
      row('Device id', h('code', {}, machine.id)),
      row('Last action', machine.lastActionType
        ? [format.actionType(machine.lastActionType), ' · ',
          format.badge('status', machine.lastActionStatus, format.status(machine.lastActionStatus))]
        : h('span', { class: 'muted' }, 'None'))));
}

/** Each tag a chip, in the order added; set through the API (POST /api/machines/{id}/tags), as Defender's are. */
function tags(machineTags) {
  if (!machineTags || machineTags.length === 0) return h('span', { class: 'muted' }, 'None');
  return h('ul', { class: 'tags' }, machineTags.map((tag) => h('li', { class: 'tag' }, tag)));
}

/** The inventory's assessment; None is Defender's value when there is none, shown as muted as a missing detail. */
function assessment(value) {
  return value && value !== 'None' ? value : h('span', { class: 'muted' }, 'None');
}

function openActionPanel(open) {
  if (!open) return null;
  return h('section', { class: 'card in-progress', id: 'open-action', 'aria-labelledby': 'open-action-title' },
    h('h2', { id: 'open-action-title' }, 'Action in progress'),
    h('p', {},
      h('strong', {}, format.actionType(open.type)), open.scope ? ` (${format.scope(open.scope)})` : '', ' · ',
      h('span', { id: 'open-action-status' }, format.badge('status', open.status, format.status(open.status)))),
    h('p', { class: 'muted' }, 'Requested by ', open.requestor, ' on ', format.time(open.creationDateTimeUtc),
      '; last update ', format.time(open.lastUpdateDateTimeUtc), '.'),
    open.requestorComment ? h('blockquote', {}, open.requestorComment) : null,
    h('p', {}, h('a', { href: `/actions?device=${encodeURIComponent(open.machineId)}` },
      'See it in the Action center')));
}

function timelineSection(entries) {
  const newestFirst = [...entries].reverse();
  return h('section', { class: 'card', 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title' }, 'Timeline'),
    newestFirst.length === 0 ? h('p', { class: 'empty' }, 'Nothing has happened to this device yet.')
      : h('ol', { class: 'timeline', id: 'timeline', reversed: true }, newestFirst.map(timelineEntry)));
}

/** Requests and cancellations are their author's; an agent's report or a timeout is on behalf of the requestor. */
const AUTHORED = new Set(['DeviceIsolationRequested', 'DeviceReleaseRequested', 'MachineActionCancelled',
  'DeviceTagAdded', 'DeviceTagRemoved', 'DeviceGroupChanged']);
const authorOf = (entry) => (AUTHORED.has(entry.eventType) ? 'by' : 'requested by');

function timelineEntry(entry) {
  return h('li', { dataset: { eventType: entry.eventType } },
    h('div', { class: 'when' }, format.time(entry.timestamp)),
    h('div', { class: 'what' },
      h('strong', {}, format.eventType(entry.eventType)),
      entry.tag ? [' ', h('span', { class: 'tag' }, entry.tag)] : null,
      entry.groupName ? ` to ${entry.groupName}${entry.previousGroupName ? ` from ${entry.previousGroupName}` : ''}`
        : null,
      entry.status ? [' · ', format.badge('status', entry.status, format.status(entry.status))] : null,
      entry.requestor ? h('span', { class: 'muted' }, ` ${authorOf(entry)} ${entry.requestor}`) : null,
      entry.comment ? h('blockquote', {}, entry.comment) : null,
      entry.reason ? h('blockquote', {}, entry.reason) : null));
}
