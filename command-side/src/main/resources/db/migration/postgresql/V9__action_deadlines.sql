-- The scheduled timeout deadline of each open action (ActionDeadlineIds): ending an action cancels exactly its own
-- deadline by id instead of calling cancelAllWithinScope, which reads every row of scheduled_tasks. Written in the
-- same transaction as the action's events; a row goes when its action ends or times out. Actions requested before
-- this table existed have no row: their deadline fires once and the aggregate ignores it (the action is no longer open).
create table action_deadlines (
    action_id    varchar(255) primary key,
    deadline_id  varchar(255) not null
);
