-- H2 twin of postgresql/V9__machine_action_bulk.sql. A plain index: H2 has no partial indexes.
alter table machine_action add column bulk_action_id varchar;

create index machine_action_bulk_action_id on machine_action (bulk_action_id);
