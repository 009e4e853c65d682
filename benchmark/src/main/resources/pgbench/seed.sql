-- Run after the command side's migrations V1-V3 (PgBench).
-- Every device has its registration event, as a device must before it can be isolated.
insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
        payload_type, payload_revision, payload, meta_data)
select gen_random_uuid()::text, 'bench-device-' || n, 0, 'Device', now()::text,
       'dev.cordon.events.device.DeviceRegisteredEvent', '1', convert_to(repeat('r', 400), 'UTF8'),
       convert_to(repeat('m', 200), 'UTF8')
from generate_series(1, 10000) as n;
analyze;
