-- One event-sized row (a ~600-byte JSON payload and ~250 bytes of metadata, as the event store keeps an isolation
-- request) per transaction, in autocommit: the most an event store on this server could append one at a time.
insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
        payload_type, payload_revision, payload, meta_data)
values (gen_random_uuid()::text, gen_random_uuid()::text, 0, 'Device', now()::text,
        'dev.cordon.events.action.DeviceIsolationRequestedEvent', '1', convert_to(repeat('p', 600), 'UTF8'),
        convert_to(repeat('m', 250), 'UTF8'));
