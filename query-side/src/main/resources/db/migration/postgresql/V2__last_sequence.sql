-- The device sequence of the last event folded into each view. An event at or below it is older than the
-- view (it arrived out of order, e.g. after the topic's partition count changed): it goes to the timeline
-- only, so an older event can never overwrite a newer state.
alter table machine add column last_sequence bigint not null default -1;
alter table machine_action add column last_sequence bigint not null default -1;

-- Views written before this migration folded their events in arrival order; the timeline knows how far.
update machine m
   set last_sequence = t.max_sequence
  from (select device_id, max(sequence) as max_sequence from timeline_entry group by device_id) t
 where t.device_id = m.id;

update machine_action a
   set last_sequence = t.max_sequence
  from (select device_id, action_id, max(sequence) as max_sequence
          from timeline_entry where action_id is not null group by device_id, action_id) t
 where t.device_id = a.machine_id and t.action_id = a.id;
