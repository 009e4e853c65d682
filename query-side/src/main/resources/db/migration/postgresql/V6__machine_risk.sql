-- Defender's riskScore and exposureLevel of each device, as the registering inventory reported them (revision 2 of
-- DeviceRegisteredEvent and DeviceDetailsUpdatedEvent). Devices projected before are at None, Defender's no-data
-- value, which is what their revision-1 events upcast to: a rebuild gives the same rows.
alter table machine add column risk_score text not null default 'None';
alter table machine add column exposure_level text not null default 'None';
