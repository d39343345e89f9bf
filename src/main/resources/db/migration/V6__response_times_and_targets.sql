-- Response times (issue 13, part "insight"): each thread keeps when it was first answered by
-- someone other than its student (first_response_at), when it was last resolved or closed
-- (resolved_at), and since when its student has been waiting for an answer
-- (awaiting_reply_since: the time of the student's oldest message that nobody has answered yet,
-- null while nobody waits). The application sets them in the transaction of the reply or the
-- status move. Admins set a response target per priority (otos_response_target); a thread that
-- is neither resolved nor closed and whose student has waited longer than its priority's target
-- is overdue.

-- The three columns are added to otosapp_messagethread, a table Django also writes in an adopted
-- database: they are nullable with no default, so Django's inserts (with its own column lists)
-- keep working, and adding them is a catalog-only change on PostgreSQL.

-- priority holds the original's codes, as in V2 (varchar, no check constraint).
-- squawk-ignore-file prefer-text-field, prefer-bigint-over-int

-- The updates below fill the new columns of existing threads in one pass each (a help desk's
-- threads: thousands to a few hundred thousand rows, seconds at most); the index on
-- awaiting_reply_since is built in the same transaction because Flyway runs each migration in
-- one (CREATE INDEX CONCURRENTLY cannot), on a table whose writes are replies, which wait.
-- squawk-ignore-file require-lock-timeout, require-statement-timeout, require-concurrent-index-creation

alter table otosapp_messagethread add column first_response_at timestamp with time zone;
alter table otosapp_messagethread add column resolved_at timestamp with time zone;
alter table otosapp_messagethread add column awaiting_reply_since timestamp with time zone;

-- Every DDL statement comes before the updates: in an adopted database Django's foreign keys are
-- deferred, so after an update of otosapp_messagethread PostgreSQL refuses to alter or index it in
-- the same transaction ("pending trigger events").
create index otosapp_messagethread_awaiting_idx on otosapp_messagethread (awaiting_reply_since);

create table otos_response_target (
    priority varchar(10) primary key,
    target_minutes integer not null
);

update otosapp_messagethread t
set first_response_at = (select min(m.created_at) from otosapp_message m
                         where m.thread_id = t.id and m.sender_id <> t.student_id)
where t.created_by_id is null or t.created_by_id = t.student_id;

update otosapp_messagethread t
set resolved_at = coalesce(t.closed_at, t.updated_at)
where t.status in ('resolved', 'closed');

update otosapp_messagethread t
set awaiting_reply_since = (select min(m.created_at) from otosapp_message m
                            where m.thread_id = t.id and m.sender_id = t.student_id
                              and m.id > coalesce((select max(o.id) from otosapp_message o
                                                   where o.thread_id = t.id and o.sender_id <> t.student_id), 0))
where t.status in ('open', 'pending');

insert into otos_response_target (priority, target_minutes) values
    ('urgent', 120), ('high', 480), ('normal', 1440), ('low', 4320);
