-- H2 (standalone mode) twin of postgresql/V1__read_models.sql: the same tables, names and keys in H2's types.
-- PostgreSQL's text is spelt varchar here (no length limit either): H2 2.3 reads text as varchar too, but older H2
-- made it a CLOB, which cannot be compared, ordered or indexed like a string.

-- Action center: one row per machine action, in the Defender MachineAction shape.
create table machine_action (
    id                          varchar                  primary key,
    type                        varchar                  not null,
    scope                       varchar,
    title                       varchar,
    requestor                   varchar,
    requestor_comment           varchar,
    request_source              varchar,
    external_id                 varchar,
    status                      varchar                  not null,
    machine_id                  varchar                  not null,
    computer_dns_name           varchar,
    creation_date_time_utc      timestamp with time zone not null,
    last_update_date_time_utc   timestamp with time zone not null,
    cancellation_requestor      varchar,
    cancellation_comment        varchar,
    cancellation_date_time_utc  timestamp with time zone,
    error_hresult               integer                  not null default 0
);

create index machine_action_newest_first on machine_action (creation_date_time_utc desc, id desc);
create index machine_action_machine on machine_action (machine_id);

-- Device timeline: one row per event, keyed by the aggregate's own numbering (the consumer's idempotence).
create table timeline_entry (
    device_id    varchar                  not null,
    sequence     bigint                   not null,
    event_id     varchar                  not null,
    event_type   varchar                  not null,
    occurred_at  timestamp with time zone not null,
    action_id    varchar,
    action_type  varchar,
    status       varchar,
    requestor    varchar,
    comment      varchar,
    primary key (device_id, sequence)
);

-- Devices and where their isolation stands.
create table machine (
    id                  varchar                  primary key,
    computer_dns_name   varchar,
    os_platform         varchar,
    os_build            varchar,
    version             varchar,
    aad_device_id       varchar,
    first_seen          timestamp with time zone,
    isolation_state     varchar                  not null,
    isolation_scope     varchar,
    pending_action_id   varchar,
    last_action_id      varchar,
    last_action_type    varchar,
    last_action_status  varchar,
    last_update         timestamp with time zone
);

create index machine_computer_dns_name on machine (computer_dns_name);
create index machine_aad_device_id on machine (aad_device_id);
