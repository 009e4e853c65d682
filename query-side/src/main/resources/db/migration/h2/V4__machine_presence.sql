-- H2 twin of postgresql/V4__machine_presence.sql.
create table machine_presence (
    device_id                 varchar     primary key,
    first_contact             timestamp with time zone not null,
    last_seen                 timestamp with time zone not null,
    last_ip_address           varchar,
    last_external_ip_address  varchar,
    health_status             varchar     not null,
    source_updated_at         timestamp with time zone not null
);
create index machine_presence_last_seen on machine_presence (last_seen);
