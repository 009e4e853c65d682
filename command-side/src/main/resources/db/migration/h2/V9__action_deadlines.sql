-- H2 twin of postgresql/V9__action_deadlines.sql.
create table action_deadlines (
    action_id    varchar(255) primary key,
    deadline_id  varchar(255) not null
);
