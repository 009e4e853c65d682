-- What one isolate asks of the event store, in one transaction: load the device's history, look for an open action,
-- append the event, index the action, schedule its timeout deadline; then, after the commit, read the action back
-- for the 201's body. The event goes to a fresh aggregate id so that concurrent clients never race on one device's
-- sequence number (pgbench would end the client on the unique violation); the history read is still the device's.
\set device random(1, 10000)
begin;
select global_index, sequence_number, payload_type, payload, meta_data from domain_event_entry
    where aggregate_identifier = 'bench-device-' || :device order by sequence_number;
select action_id from action_index
    where device_id = 'bench-device-' || :device and status in ('Pending', 'InProgress');
insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
        payload_type, payload_revision, payload, meta_data)
values (gen_random_uuid()::text, gen_random_uuid()::text, 1, 'Device', now()::text,
        'dev.cordon.events.action.DeviceIsolationRequestedEvent', '1', convert_to(repeat('p', 600), 'UTF8'),
        convert_to(repeat('m', 250), 'UTF8'));
insert into action_index (action_id, device_id, action_type, scope, status, computer_dns_name, requestor,
        requestor_comment, request_source, created_at, last_update)
values (gen_random_uuid()::text, 'bench-device-' || :device, 'Isolate', 'Full', 'Pending', 'bench',
        'Cordon benchmark', 'benchmark', 'PublicApi', now(), now())
returning action_id \gset
insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
values ('axon-deadline', gen_random_uuid()::text, convert_to(repeat('d', 500), 'UTF8'), now() + interval '1 hour',
        false, 1);
commit;
select * from action_index where action_id = :action_id;
