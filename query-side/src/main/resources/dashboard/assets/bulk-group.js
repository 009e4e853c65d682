// The Action center's bulk rows: a bulk action's actions as one row with its progress (from GET
// /api/bulkactions/{id}, the command side's counts over all its targets), expandable to the actions listed.
import { h } from './dom.js';
import { api } from './api.js';
import * as format from './format.js';

/** At most this many bulks are read per refresh: the list shows the newest actions, so the newest bulks. */
const BULKS_READ = 20;
const STATUS_ORDER = ['Pending', 'InProgress', 'Succeeded', 'Failed', 'TimeOut', 'Cancelled'];

/**
 * The actions in their order, a bulk's gathered where its first (newest) action is.
 * @returns [{ bulkId: null | id, actions: [...] }]: runs of single actions, and one group per bulk
 */
export function bulkGroups(actions) {
  const groups = [];
  const byBulk = new Map();
  for (const action of actions) {
    const bulkId = action.bulkActionId;
    if (bulkId) {
      if (!byBulk.has(bulkId)) {
        const group = { bulkId, actions: [] };
        byBulk.set(bulkId, group);
        groups.push(group);
      }
      byBulk.get(bulkId).actions.push(action);
    } else if (groups.length && groups[groups.length - 1].bulkId === null) {
      groups[groups.length - 1].actions.push(action);
    } else {
      groups.push({ bulkId: null, actions: [action] });
    }
  }
  return groups;
}

/** The bulks of these actions as the command side has them now; null for one it did not answer. */
export async function readBulks(actions) {
  const ids = [...new Set(actions.map((action) => action.bulkActionId).filter(Boolean))].slice(0, BULKS_READ);
  const read = await Promise.all(ids.map((id) => api.bulk(id, 1).then((bulk) => [id, bulk], () => [id, null])));
  return new Map(read);
}

/**
 * One tbody: the bulk's row, then (expanded) its actions' rows.
 * @param options.row      renders one action's row, as for a single action
 * @param options.cancel   called with the bulk when its Cancel is pressed
 */
export function bulkRows(group, bulk, { expanded, pending, toggle, cancel, row }) {
  const first = group.actions[0];
  const type = bulk?.action ?? first.type;
  const counts = progress(group, bulk);
  const open = group.actions.some((action) => format.isOpen(action.status));
  const listed = group.actions.length;
  const toggleButton = h('button', {
    type: 'button', class: 'bulk-toggle', id: `toggle-bulk-${group.bulkId}`, 'aria-expanded': String(expanded),
    onclick: toggle,
  }, expanded ? `Hide its actions` : `Show its ${listed === 1 ? 'action' : `${listed} actions`}`);
  const header = h('tr', { class: 'bulk-row', dataset: { bulkId: group.bulkId, bulkStatus: bulk?.status ?? '' } },
    h('th', { scope: 'row', 'data-label': 'Action' }, `Bulk: ${format.actionType(type)}`, h('br'), toggleButton),
    h('td', { 'data-label': 'Device' }, `${counts.targeted} ${counts.targeted === 1 ? 'device' : 'devices'}`),
    h('td', { 'data-label': 'Scope' }, (bulk?.isolationType ?? first.scope)
      ? format.scope(bulk?.isolationType ?? first.scope) : h('span', { class: 'muted' }, '—')),
    h('td', { 'data-label': 'Status', class: 'status-cell bulk-progress', id: `bulk-progress-${group.bulkId}` },
      progressText(counts, bulk)),
    h('td', { 'data-label': 'Requestor' }, bulk?.requestor ?? first.requestor),
    h('td', { 'data-label': 'Comment', class: 'comment' }, bulk?.comment ?? first.requestorComment),
    h('td', { 'data-label': 'Submitted' }, format.time(bulk?.creationDateTimeUtc ?? first.creationDateTimeUtc)),
    h('td', { 'data-label': 'Last update' }, format.time(first.lastUpdateDateTimeUtc)),
    pending ? h('td', { class: 'row-action' }, open && bulk && bulk.status !== 'Cancelled' ? h('button', {
      type: 'button', class: 'cancel-action', id: `cancel-bulk-${group.bulkId}`,
      'aria-label': `Cancel the bulk ${format.actionType(type)} of ${counts.targeted} devices`,
      onclick: () => cancel(bulk),
    }, 'Cancel bulk') : null) : null);
  const members = expanded ? group.actions.map((action) => {
    const member = row(action);
    member.classList.add('bulk-member');
    return member;
  }) : [];
  return h('tbody', { class: 'bulk', dataset: { bulkId: group.bulkId } }, header, members);
}

/** The command side's counts over every target; without them, the statuses of the actions listed here. */
function progress(group, bulk) {
  if (bulk?.counts) return { ...bulk.counts, whole: true };
  const counts = { targeted: group.actions.length, whole: false };
  for (const action of group.actions) counts[action.status] = (counts[action.status] ?? 0) + 1;
  return counts;
}

function progressText(counts, bulk) {
  const statuses = STATUS_ORDER.filter((status) => counts[status] > 0)
    .map((status) => format.badge('status', status, `${format.status(status)} ${counts[status]}`));
  return [
    counts.whole ? h('span', { class: 'bulk-decided' },
      `${counts.accepted} accepted · ${counts.refused} refused`,
      bulk.status === 'Dispatching' ? ' · dispatching…' : bulk.status === 'Cancelled' ? ' · cancelled' : '')
      : h('span', { class: 'muted' }, 'Of the actions listed:'),
    h('span', { class: 'bulk-statuses' }, statuses.flatMap((badge) => [' ', badge])),
  ];
}
