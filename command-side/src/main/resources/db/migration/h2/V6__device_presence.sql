-- H2 twin of postgresql/V6__device_presence.sql.
create table device_presence (
    device_id                 varchar(255) primary key,
    first_contact             timestamp with time zone not null,
    last_seen                 timestamp with time zone not null,
    last_ip_address           varchar(45),
    last_external_ip_address  varchar(45),
    updated_at                timestamp with time zone not null
);
create index device_presence_updated_idx on device_presence (updated_at);
