-- The command side's tables as its migrations make them (command-side/src/main/resources/db/migration/postgresql
-- V1, V2, V3), so that the baselines pay for the same indexes and constraints as the event store does.
create table domain_event_entry (
    global_index         bigserial    primary key,
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint domain_event_entry_aggregate_sequence_uk unique (aggregate_identifier, sequence_number),
    constraint domain_event_entry_event_identifier_uk unique (event_identifier)
);
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
create table action_index (
    action_id              varchar(64)  primary key,
    device_id              varchar(255) not null,
    action_type            varchar(16)  not null,
    scope                  varchar(16),
    status                 varchar(16)  not null,
    computer_dns_name      text,
    requestor              text         not null,
    requestor_comment      text         not null,
    request_source         varchar(64)  not null,
    external_id            text,
    created_at             timestamptz  not null,
    last_update            timestamptz  not null,
    cancellation_requestor text,
    cancellation_comment   text,
    cancelled_at           timestamptz,
    error_hresult          integer      not null default 0
);
create index action_index_open_by_device_idx on action_index (device_id) where status in ('Pending', 'InProgress');
-- Every device has its registration event, as a device must before it can be isolated.
insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
        payload_type, payload_revision, payload, meta_data)
select gen_random_uuid()::text, 'bench-device-' || n, 0, 'Device', now()::text,
       'dev.cordon.events.device.DeviceRegisteredEvent', '1', convert_to(repeat('r', 400), 'UTF8'),
       convert_to(repeat('m', 200), 'UTF8')
from generate_series(1, 10000) as n;
analyze;
