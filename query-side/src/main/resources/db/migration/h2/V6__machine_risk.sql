-- H2 twin of postgresql/V6__machine_risk.sql.
alter table machine add column risk_score varchar not null default 'None';
alter table machine add column exposure_level varchar not null default 'None';
