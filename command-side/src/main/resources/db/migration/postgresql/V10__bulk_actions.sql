-- Bulk actions (decision 0017): one row per bulk, written in the same transaction as its events. The request fields
-- answer GET /api/bulkactions/{id} without a read of the event store; the caller's device scope and request ids are
-- kept so that a resumed dispatch sends each target's command as the request itself would have.
create table bulk_actions (
    bulk_id            varchar(64)  primary key,
    action_type        varchar(16)  not null,
    isolation_type     varchar(16),
    requestor          text         not null,
    requestor_comment  text         not null,
    request_source     varchar(64)  not null,
    external_id        text,
    filter             text,
    created_at         timestamptz  not null,
    -- Dispatching, Dispatched or Cancelled
    status             varchar(16)  not null,
    -- every target requested, the refused at request time (unknown or outside the caller's groups) included
    targeted           integer      not null,
    scope_all          boolean      not null,
    -- the caller's device groups when not scope_all, as a JSON array of names
    scope_groups       text         not null,
    request_id         varchar(128) not null,
    caller_request_id  varchar(255),
    -- How many of the targets, in request order, have their action or refusal stored: a resumed dispatch goes on
    -- from there (targets before it that were not yet recorded are found by their name-based action id).
    dispatched_targets integer      not null default 0,
    -- The replica dispatching it, until when: another one takes a bulk whose lease ran out (BulkLeases).
    lease_owner        varchar(64),
    lease_until        timestamptz,
    cancellation_requestor text,
    cancellation_comment   text,
    cancelled_at       timestamptz
);
create index bulk_actions_dispatching_idx on bulk_actions (lease_until) where status = 'Dispatching';

-- The targets the rules refused, with the error the single-device API would have answered.
create table bulk_action_refusals (
    bulk_id     varchar(64)  not null,
    machine_id  varchar(255) not null,
    error_code  varchar(64)  not null,
    message     text         not null,
    refused_at  timestamptz  not null,
    primary key (bulk_id, machine_id)
);

-- The bulk a machine action belongs to (null: a single-device action), from the device event's bulkId.
alter table action_index add column bulk_id varchar(64);
create index action_index_bulk_idx on action_index (bulk_id) where bulk_id is not null;
