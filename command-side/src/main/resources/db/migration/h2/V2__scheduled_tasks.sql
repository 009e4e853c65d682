-- H2 twin of postgresql/V2__scheduled_tasks.sql: db-scheduler's table. PostgreSQL's text is spelt varchar here
-- (no length limit either): H2 2.3 reads text as varchar too, but older H2 made it a CLOB, which cannot be a key.
create table scheduled_tasks (
    task_name            varchar                  not null,
    task_instance        varchar                  not null,
    task_data            binary varying,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            varchar,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
