-- Each device's presence, copied from the command side's device_presence (PresenceSync): not a read model of the
-- events, so a rebuild neither writes nor compares it. health_status is Active while the device was seen within
-- cordon.query.presence.inactive-after (Defender's seven days), Inactive after.
create table machine_presence (
    device_id                 text        primary key,
    first_contact             timestamptz not null,
    last_seen                 timestamptz not null,
    last_ip_address           text,
    last_external_ip_address  text,
    health_status             text        not null,
    source_updated_at         timestamptz not null
);
create index machine_presence_last_seen on machine_presence (last_seen);
