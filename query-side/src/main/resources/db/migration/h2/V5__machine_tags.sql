-- H2 twin of postgresql/V5__machine_tags.sql.
alter table machine add column machine_tags varchar not null default '';

-- The tag a timeline entry of a tag change names (null for every other event).
alter table timeline_entry add column tag varchar;
