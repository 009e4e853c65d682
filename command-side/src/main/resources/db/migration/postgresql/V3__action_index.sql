-- Machine actions as the command side knows them, written in the same transaction as their events:
-- it routes cancel and agent reports (by action id) to the device, answers the command responses and
-- the agent's pending-action poll, and lets the query side prove that an action exists (read-your-writes).
create table action_index (
    action_id          varchar(64)  primary key,
    device_id          varchar(255) not null,
    action_type        varchar(16)  not null,
    scope              varchar(16),
    status             varchar(16)  not null,
    -- Free text has no length limit here: the API bounds it, and a requestor name from an identity provider
    -- must never make a valid command fail.
    computer_dns_name  text,
    requestor          text         not null,
    requestor_comment  text         not null,
    request_source     varchar(64)  not null,
    external_id        text,
    created_at         timestamptz  not null,
    last_update        timestamptz  not null,
    cancellation_requestor text,
    cancellation_comment   text,
    cancelled_at       timestamptz,
    error_hresult      integer      not null default 0
);
create index action_index_open_by_device_idx on action_index (device_id) where status in ('Pending', 'InProgress');
