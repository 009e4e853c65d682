-- Runs once, when the PostgreSQL volume is first initialised (POSTGRES_DB creates cordon_events).
-- The event store (command side) and the read models (query side) live in separate databases: the query side
-- can then be dropped and rebuilt without touching the record.
CREATE DATABASE cordon_query;
