-- H2 twin of postgresql/V2__last_sequence.sql: the device sequence of the last event folded into each view.
alter table machine add column last_sequence bigint not null default -1;
alter table machine_action add column last_sequence bigint not null default -1;

-- Correlated subqueries instead of PostgreSQL's UPDATE ... FROM, which H2 does not have.
update machine m
   set last_sequence = (select max(t.sequence) from timeline_entry t where t.device_id = m.id)
 where exists (select 1 from timeline_entry t where t.device_id = m.id);

update machine_action a
   set last_sequence = (select max(t.sequence) from timeline_entry t
                         where t.device_id = a.machine_id and t.action_id = a.id)
 where exists (select 1 from timeline_entry t where t.device_id = a.machine_id and t.action_id = a.id);
