-- Checkpoints of the audit's state fold (GET /api/machines/{id}/state?at=): where a device's isolation stood after
-- every 100th of its events, so that the state at an instant folds at most about 100 events instead of the whole
-- history. Derived data, never the record: written by the audit read itself from the event store's events, ignored
-- when their fold revision is not the code's or when the events they cover no longer hash to events_sha256, and
-- safe to delete at any time (they are written again).
create table device_state_checkpoint (
    device_id         varchar(255) not null,
    -- The version of the fold that wrote it (StateCheckpoints.FOLD_REVISION): another version's are not read.
    fold_revision     integer      not null,
    -- The last event folded into it.
    sequence_number   bigint       not null,
    -- The checkpoint before it (-1: none); events_sha256 chains over the events between the two.
    previous_sequence bigint       not null,
    -- The latest stored timestamp of the events up to sequence_number, in epoch milliseconds rounded up: the
    -- checkpoint stands for the state at any instant at or after it.
    latest_event_time bigint       not null,
    events_sha256     bytea        not null,
    state             text         not null,
    primary key (device_id, fold_revision, sequence_number)
);
