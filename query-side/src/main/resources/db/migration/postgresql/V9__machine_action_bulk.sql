-- The bulk action an action was dispatched for (DeviceIsolationRequestedEvent rev 3, DeviceReleaseRequestedEvent rev 2
-- carry it); null for a single device's action and for every action projected before bulks existed, whose events
-- are upcast with a null bulk id, so that a rebuild gives the same null.
alter table machine_action add column bulk_action_id text;

-- $filter=bulkActionId eq '...' (the Action center's bulk rows, a SOAR playbook following its bulk): a bulk's
-- actions among every action ever taken. Partial: most actions are single ones and need no entry.
create index machine_action_bulk_action_id on machine_action (bulk_action_id) where bulk_action_id is not null;
