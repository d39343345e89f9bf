-- A teacher's desk (issue 15): the threads assigned to them, and the unassigned academic threads
-- (and reports about questions) of the categories they teach. The first has its index
-- (otosapp_messagethread_handler_idx); the second was found by intersecting every unassigned
-- thread of the school with every academic thread of the category, which at ten times the data
-- (8,000 and 10,000 rows) cost more than the rest of the teacher's inbox page. With this index it
-- is a lookup of the category's unassigned threads.

-- The index is built in the migration's transaction (Flyway runs each migration in one; CREATE
-- INDEX CONCURRENTLY cannot): about a second on 200,000 threads, during which
-- replies wait.
-- squawk-ignore-file require-concurrent-index-creation, require-lock-timeout, require-statement-timeout
create index otosapp_messagethread_category_handler_idx on otosapp_messagethread (category_id, teacher_or_admin_id);
