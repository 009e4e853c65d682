// Bulk actions from the device list: the dialog that confirms one (POST /api/bulkactions) and the panel that
// follows it until every target has its action or its refusal (GET /api/bulkactions/{id}).
import { h, fill, announce } from './dom.js';
import { api } from './api.js';
import { openActionDialog } from './action-dialog.js';
import { plainError } from './format.js';
import { errorPanel } from './view.js';

/** The engine's isolation types, for devices of many OSes: one a device does not support is refused for it. */
const BULK_ISOLATION = {
  liveResponse: false,
  options: [
    { isolationType: 'Full', supported: true,
      description: 'Disconnects each device from every network connection except the Cordon service.' },
    { isolationType: 'Selective', supported: true,
      description: 'Keeps Outlook, Microsoft Teams and Skype for Business connected on each device. A device '
        + 'whose OS does not support it is refused and listed, not isolated.' },
  ],
};

/** Follows the bulk this often while it is dispatching: refusals change no device, so the change feed is silent. */
const POLL_MS = 1500;

/**
 * @param target  { machineIds: [...] } for a hand-picked selection, or { filter, label } for all matching a search
 * @param action  'Isolate' or 'Unisolate'
 * @returns the 202's bulk, or null if the analyst cancelled
 */
export function confirmBulk(target, action, count) {
  const devices = count === 1 ? '1 device' : `${count} devices`;
  const isolate = action === 'Isolate';
  const every = target.label ? `every device matching ${target.label}` : 'every device';
  const what = target.filter !== undefined ? `${every} (${devices})` : devices;
  return openActionDialog({
    title: isolate ? `Isolate ${devices}` : `Release ${devices} from isolation`,
    intro: isolate
      ? `${capital(what)} will be disconnected from the network, each with its own action in the Action center. `
        + 'A device the engine refuses (one already isolated, say) is listed with the reason.'
      : `${capital(what)} will be reconnected to the network. A device that is not isolated is listed as refused.`,
    isolation: isolate ? BULK_ISOLATION : null,
    submit: (comment, isolationType) => {
      const body = { Action: action, Comment: comment };
      if (isolate) body.IsolationType = isolationType;
      if (target.filter !== undefined) body.Filter = target.filter; else body.MachineIds = target.machineIds;
      return api.bulkAction(body);
    },
  });
}

const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Shows the bulk in `panel` and reads it again until it is dispatched (or cancelled): the count at once, the
 * refusals once every target is decided. `names` gives a device's name by id, where the list knows it.
 */
export function followBulk(panel, bulk, names) {
  let stopped = false;
  let timer = null;
  // Said once when it is accepted, and once when every target is decided: not at every read in between.
  const render = (current, first) => {
    fill(panel, resultCard(current, names));
    if (current.status !== 'Dispatching') {
      announce(summary(current));
      return;
    }
    if (first) announce(summary(current));
    timer = setTimeout(read, POLL_MS);
  };
  const read = async () => {
    if (stopped) return;
    try {
      render(await api.bulk(bulk.id, 1));
    } catch (error) {
      fill(panel, errorPanel('The bulk action could not be read.', error));
    }
  };
  render(bulk, true);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function summary(bulk) {
  const counts = bulk.counts ?? {};
  const verb = bulk.action === 'Unisolate' ? 'Release' : 'Isolation';
  if (bulk.status === 'Dispatching') return `${verb} requested for ${counts.targeted} devices`;
  return `${verb} requested for ${counts.targeted} devices: ${counts.accepted} accepted, ${counts.refused} refused`;
}

function resultCard(bulk, names) {
  const counts = bulk.counts ?? {};
  const refusals = bulk.refusals ?? [];
  const dispatching = bulk.status === 'Dispatching';
  return h('section', { class: 'card bulk-result', id: 'bulk-result', dataset: { bulkId: bulk.id, status: bulk.status },
    'aria-labelledby': 'bulk-result-title' },
  h('h2', { id: 'bulk-result-title' }, bulk.action === 'Unisolate' ? 'Release requested' : 'Isolation requested'),
  h('p', { id: 'bulk-result-counts' },
    h('strong', {}, `${counts.targeted ?? 0} ${counts.targeted === 1 ? 'device' : 'devices'}`), ' targeted · ',
    `${counts.accepted ?? 0} accepted · ${counts.refused ?? 0} refused`,
    dispatching ? h('span', { class: 'muted' }, ' · dispatching…')
      : bulk.status === 'Cancelled' ? h('span', { class: 'muted' }, ' · cancelled') : null),
  refusals.length ? refusalsTable(refusals, names) : null,
  h('p', {}, h('a', { href: '/actions' }, 'Follow the actions in the Action center')));
}

function refusalsTable(refusals, names) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'responsive', id: 'bulk-refusals' },
    h('caption', {}, `Refused (${refusals.length})`),
    h('thead', {}, h('tr', {}, ['Device', 'Why'].map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, refusals.map((refusal) => {
      const { lead, detail, code } = plainError({ code: refusal.errorCode, message: refusal.message });
      return h('tr', { dataset: { machineId: refusal.machineId, errorCode: refusal.errorCode } },
        h('th', { scope: 'row', 'data-label': 'Device' }, names(refusal.machineId) ?? refusal.machineId),
        h('td', { 'data-label': 'Why' }, lead, h('span', { class: 'detail muted' }, ` ${detail} `),
          h('code', {}, code)));
    }))));
}
