-- Each device's current device group, written in the same transaction as its DeviceGroupChangedEvent
-- (DeviceGroupProjection): the audit reads and the Idempotency-Key replay answer a device outside the caller's groups
-- as one that does not exist, and the audit export leaves its events out. A device without a row was registered
-- before groups existed: the command side counts it in the default group (cordon.device-groups.default-name).
create table device_groups (
    device_id   varchar(255) primary key,
    group_id    integer      not null,
    group_name  varchar(255) not null,
    -- Group names compare ignoring letter case (DeviceScope.lowerCaseGroups).
    group_name_lower varchar(255) not null
);
create index device_groups_name_idx on device_groups (group_name_lower);
