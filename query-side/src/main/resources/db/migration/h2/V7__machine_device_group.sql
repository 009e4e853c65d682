-- H2 twin of postgresql/V7__machine_device_group.sql. No index on lower(rbac_group_name): H2 has no expression
-- indexes, and a standalone deployment's device count is small enough to scan.
alter table machine add column rbac_group_id integer;
alter table machine add column rbac_group_name varchar;

alter table timeline_entry add column group_name varchar;
alter table timeline_entry add column previous_group_name varchar;
alter table timeline_entry add column reason varchar;
