// Words for what the API spells as identifiers, and dates in the analyst's own time zone.
import { h } from './dom.js';

const PLATFORMS = {
  Windows10: 'Windows 10', Windows11: 'Windows 11', WindowsServer2012R2: 'Windows Server 2012 R2',
  WindowsServer2016: 'Windows Server 2016', WindowsServer2019: 'Windows Server 2019',
  WindowsServer2022: 'Windows Server 2022', macOS: 'macOS', Linux: 'Linux',
};

const ISOLATION_STATES = {
  NotIsolated: 'Not isolated', IsolationPending: 'Isolation pending', Isolated: 'Isolated',
  ReleasePending: 'Release pending',
};

const ACTION_TYPES = { Isolate: 'Isolate device', Unisolate: 'Release from isolation' };

const STATUSES = {
  Pending: 'Pending', InProgress: 'In progress', Succeeded: 'Succeeded', Failed: 'Failed', TimeOut: 'Timed out',
  Cancelled: 'Cancelled',
};

const EVENTS = {
  DeviceRegistered: 'Device registered',
  DeviceDetailsUpdated: 'Device details updated',
  DeviceIsolationRequested: 'Isolation requested',
  DeviceReleaseRequested: 'Release requested',
  MachineActionStarted: 'Action started on the device',
  DeviceIsolated: 'Device isolated',
  DeviceIsolationFailed: 'Isolation failed',
  DeviceReleased: 'Device released from isolation',
  DeviceReleaseFailed: 'Release failed',
  MachineActionCancelled: 'Action cancelled',
  MachineActionTimedOut: 'Action timed out',
  DeviceTagAdded: 'Tag added',
  DeviceTagRemoved: 'Tag removed',
  DeviceGroupChanged: 'Device group changed',
};

/** "DeviceQuarantined" → "Device quarantined", for an event type a newer engine added. */
function words(identifier) {
  const spaced = String(identifier).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export const PLATFORM_VALUES = Object.keys(PLATFORMS);
export const platform = (value) => PLATFORMS[value] ?? (value ? words(value) : 'Unknown OS');
export const isolationState = (value) => ISOLATION_STATES[value] ?? (value ? words(value) : 'Unknown');
export const actionType = (value) => ACTION_TYPES[value] ?? (value ? words(value) : '');
export const status = (value) => STATUSES[value] ?? (value ? words(value) : '');
export const eventType = (value) => EVENTS[value] ?? words(value);
export const scope = (value) => (value ? `${value} isolation` : '');

export const isOpen = (actionStatus) => actionStatus === 'Pending' || actionStatus === 'InProgress';

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A <time> with the instant itself in datetime, so nothing is lost to the local format. */
export function time(instant) {
  if (!instant) return '';
  const date = new Date(instant);
  return h('time', { datetime: instant, title: date.toISOString() }, DATE_TIME.format(date));
}

/** A status as a badge: colour is never the only signal, the word is always there. */
export function badge(kind, value, text) {
  return h('span', { class: `badge ${kind}-${value ?? 'none'}` }, text);
}

/** The platform and the version or build the device reports. */
export function osSummary(machine) {
  const parts = [platform(machine.osPlatform)];
  if (machine.version) parts.push(`version ${machine.version}`);
  if (machine.osBuild) parts.push(`build ${machine.osBuild}`);
  return parts.join(', ');
}

/**
 * The engine's refusal in plain words, with its own message kept underneath: the message says the specifics
 * (which build is needed, which action is in the way); the lead says what it means for the analyst.
 */
export function plainError(error) {
  const lead = {
    ActiveRequestAlreadyExists: 'Another isolation or release is already pending for this device. '
      + 'Wait for it to finish, or cancel it in the Action center, then try again.',
    DeviceNotIsolated: 'This device is not isolated, so there is nothing to release.',
    OsPlatformNotSupported: "This device's operating system does not support this isolation type.",
    InvalidActionState: 'This action has already finished, so it can no longer be cancelled.',
    ResourceNotFound: 'Cordon does not know this device or action (any more).',
    MissingRequiredParameter: 'A required value is missing.',
    InvalidInput: 'A value was not accepted.',
    ServiceUnavailable: 'Cordon is busy or partly unavailable. Try again in a moment.',
    NetworkError: 'Cordon could not be reached. Check your connection and try again.',
  }[error.code] ?? 'The request was refused.';
  return { lead, detail: error.message, code: error.code };
}

/** When the device's agent last called, and whether that was recently enough to count it Active. */
export function lastSeen(machine) {
  if (!machine.lastSeen) return h('span', { class: 'muted' }, 'Never (agent not onboarded)');
  return [time(machine.lastSeen), ' · ', badge('health', machine.healthStatus, machine.healthStatus)];
}
