-- The caller's Idempotency-Key of each isolate, release and cancel, written in the same transaction as the action's
-- events: a key is stored if and only if its action is, so a retry finds the first answer's action on any replica,
-- after any restart. Scoped per caller (CallerIdentity.key, from the token); kept for cordon.idempotency.retention.
create table idempotency_key (
    caller           text         not null,
    idempotency_key  varchar(255) not null,
    -- isolate, release or cancel: for reading the table; the fingerprint covers it too.
    operation        varchar(16)  not null,
    -- SHA-256 (hex) of the request as normalised: a key sent again with another request is refused.
    fingerprint      varchar(64)  not null,
    action_id        varchar(64)  not null,
    created_at       timestamptz  not null,
    primary key (caller, idempotency_key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
