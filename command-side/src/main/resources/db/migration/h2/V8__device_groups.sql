-- H2 twin of postgresql/V8__device_groups.sql.
create table device_groups (
    device_id   varchar(255) primary key,
    group_id    integer      not null,
    group_name  varchar(255) not null,
    group_name_lower varchar(255) not null
);
create index device_groups_name_idx on device_groups (group_name_lower);
