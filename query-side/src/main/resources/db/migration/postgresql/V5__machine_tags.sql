-- A device's tags (Defender's machineTags), in the order they were added, each between two U+001F (unit separator)
-- characters: '' for none, e.g. E'\x1fFinance\x1fVIP\x1f'. Tags cannot hold control characters, so the separator
-- is unambiguous, and `machineTags/any(tag: tag eq 'x')` is a LIKE on this one column (TagColumn) in both
-- databases; a column of `machine`, not a table, so that a rebuild's shadow tables and its check cover it as is.
alter table machine add column machine_tags text not null default '';

-- The tag a timeline entry of a tag change names (null for every other event).
alter table timeline_entry add column tag text;
