-- H2 twin of postgresql/V5__device_aliases.sql.
create table device_aliases (
    device_id      varchar(255) primary key,
    aad_device_id  varchar(64)
);
create index device_aliases_aad_idx on device_aliases (aad_device_id);
