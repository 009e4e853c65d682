-- H2 twin of postgresql/V7__idempotency_keys.sql. Free text is varchar without a length limit (PostgreSQL's text).
create table idempotency_key (
    caller           varchar                  not null,
    idempotency_key  varchar(255)             not null,
    operation        varchar(16)              not null,
    fingerprint      varchar(64)              not null,
    action_id        varchar(64)              not null,
    created_at       timestamp with time zone not null,
    primary key (caller, idempotency_key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
