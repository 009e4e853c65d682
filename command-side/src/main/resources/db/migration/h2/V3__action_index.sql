-- H2 twin of postgresql/V3__action_index.sql. Free text is varchar without a length limit (PostgreSQL's text).
create table action_index (
    action_id          varchar(64)  primary key,
    device_id          varchar(255) not null,
    action_type        varchar(16)  not null,
    scope              varchar(16),
    status             varchar(16)  not null,
    computer_dns_name  varchar,
    requestor          varchar      not null,
    requestor_comment  varchar      not null,
    request_source     varchar(64)  not null,
    external_id        varchar,
    created_at         timestamp with time zone not null,
    last_update        timestamp with time zone not null,
    cancellation_requestor varchar,
    cancellation_comment   varchar,
    cancelled_at       timestamp with time zone,
    error_hresult      integer      not null default 0
);
-- H2 has no partial indexes: the device's open actions are found through (device, status) instead.
create index action_index_open_by_device_idx on action_index (device_id, status);
