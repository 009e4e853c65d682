-- Read models of the query side. All of them can be rebuilt from the event history,
-- so they favour the queries of the API over normalisation.

-- Action center: one row per machine action, in the Defender MachineAction shape.
create table machine_action (
    id                          text        primary key,
    type                        text        not null,
    scope                       text,
    title                       text,
    requestor                   text,
    requestor_comment           text,
    request_source              text,
    external_id                 text,
    status                      text        not null,
    machine_id                  text        not null,
    computer_dns_name           text,
    creation_date_time_utc      timestamptz not null,
    last_update_date_time_utc   timestamptz not null,
    cancellation_requestor      text,
    cancellation_comment        text,
    cancellation_date_time_utc  timestamptz,
    error_hresult               integer     not null default 0
);

-- The list is served newest first.
create index machine_action_newest_first on machine_action (creation_date_time_utc desc, id desc);
create index machine_action_machine on machine_action (machine_id);

-- Device timeline: one row per event. The key is the aggregate's own numbering,
-- which is what makes the consumer idempotent.
create table timeline_entry (
    device_id    text        not null,
    sequence     bigint      not null,
    event_id     text        not null,
    event_type   text        not null,
    occurred_at  timestamptz not null,
    action_id    text,
    action_type  text,
    status       text,
    requestor    text,
    comment      text,
    primary key (device_id, sequence)
);

-- Devices and where their isolation stands.
create table machine (
    id                  text        primary key,
    computer_dns_name   text,
    os_platform         text,
    os_build            text,
    version             text,
    aad_device_id       text,
    first_seen          timestamptz,
    isolation_state     text        not null,
    isolation_scope     text,
    pending_action_id   text,
    last_action_id      text,
    last_action_type    text,
    last_action_status  text,
    last_update         timestamptz
);

-- Clients look devices up by name or by Entra (AAD) device id.
create index machine_computer_dns_name on machine (computer_dns_name);
create index machine_aad_device_id on machine (aad_device_id);
