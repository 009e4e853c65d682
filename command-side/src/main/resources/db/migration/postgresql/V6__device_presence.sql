-- When each device's agent last polled, and from where: presence, not history (no event per poll; an agent polls
-- every minute). Written in batches by the command side (PresenceRecorder), copied by the query side into its
-- machine entity (lastSeen, lastIpAddress, lastExternalIpAddress, healthStatus, onboardingStatus). See decision 0013.
create table device_presence (
    device_id                 varchar(255) primary key,
    first_contact             timestamptz  not null,
    last_seen                 timestamptz  not null,
    last_ip_address           varchar(45),
    last_external_ip_address  varchar(45),
    updated_at                timestamptz  not null
);
create index device_presence_updated_idx on device_presence (updated_at);
