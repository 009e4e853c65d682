-- Every registered device and the Azure AD device id it was last registered with, written in the same transaction
-- as its events: an isolate or release that names a device by its aadDeviceId (as older Defender clients do) is
-- routed to that device. Filled from the event store on the first start after this migration (DeviceAliasBackfill).
create table device_aliases (
    device_id      varchar(255) primary key,
    -- Lowercased: GUIDs compare case-insensitively.
    aad_device_id  varchar(64)
);
create index device_aliases_aad_idx on device_aliases (aad_device_id);
