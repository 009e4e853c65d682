-- One hundred event-sized rows in one transaction, as one client writing 100-row transactions would: the rate a
-- read-model rebuild's bulk writes stand beside (rows/s = tps x 100, on one connection).
insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
        payload_type, payload_revision, payload, meta_data)
select gen_random_uuid()::text, gen_random_uuid()::text, 0, 'Device', now()::text,
        'dev.cordon.events.action.DeviceIsolationRequestedEvent', '1', convert_to(repeat('p', 600), 'UTF8'),
        convert_to(repeat('m', 250), 'UTF8')
from generate_series(1, 100);
