-- H2 (standalone mode) twin of postgresql/V11__device_state_checkpoints.sql: checkpoints of the audit's state fold,
-- derived from the event store's events and safe to delete at any time.
create table device_state_checkpoint (
    device_id         varchar(255)      not null,
    fold_revision     integer           not null,
    sequence_number   bigint            not null,
    previous_sequence bigint            not null,
    latest_event_time bigint            not null,
    events_sha256     binary varying    not null,
    state             character varying not null,
    primary key (device_id, fold_revision, sequence_number)
);
