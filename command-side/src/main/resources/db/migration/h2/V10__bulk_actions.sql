-- H2 twin of postgresql/V10__bulk_actions.sql.
create table bulk_actions (
    bulk_id            varchar(64)  primary key,
    action_type        varchar(16)  not null,
    isolation_type     varchar(16),
    requestor          varchar      not null,
    requestor_comment  varchar      not null,
    request_source     varchar(64)  not null,
    external_id        varchar,
    filter             varchar,
    created_at         timestamp with time zone not null,
    status             varchar(16)  not null,
    targeted           integer      not null,
    scope_all          boolean      not null,
    scope_groups       varchar      not null,
    request_id         varchar(128) not null,
    caller_request_id  varchar(255),
    dispatched_targets integer      not null default 0,
    lease_owner        varchar(64),
    lease_until        timestamp with time zone,
    cancellation_requestor varchar,
    cancellation_comment   varchar,
    cancelled_at       timestamp with time zone
);
-- H2 has no partial indexes.
create index bulk_actions_dispatching_idx on bulk_actions (status, lease_until);

create table bulk_action_refusals (
    bulk_id     varchar(64)  not null,
    machine_id  varchar(255) not null,
    error_code  varchar(64)  not null,
    message     varchar      not null,
    refused_at  timestamp with time zone not null,
    primary key (bulk_id, machine_id)
);

alter table action_index add column bulk_id varchar(64);
create index action_index_bulk_idx on action_index (bulk_id, status);
