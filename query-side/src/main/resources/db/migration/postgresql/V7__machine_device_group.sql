-- Defender's device group of each device (rbacGroupId, rbacGroupName), from DeviceGroupChangedEvent. Null for a device
-- projected before groups existed (it has no group event): only callers covering every group see it.
alter table machine add column rbac_group_id integer;
alter table machine add column rbac_group_name text;

-- Every read limits the devices to the caller's groups by lower(rbac_group_name) (DeviceScopeSql): group names
-- compare ignoring letter case. The actions' lists reach it through machine_id.
create index machine_rbac_group_name on machine (lower(rbac_group_name));

-- What a group change's timeline entry names: the group, the one before (null at the first), and why.
alter table timeline_entry add column group_name text;
alter table timeline_entry add column previous_group_name text;
alter table timeline_entry add column reason text;
