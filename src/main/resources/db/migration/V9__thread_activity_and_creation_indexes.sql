-- Staff search, listings and the overview (issue 13): every inbox page now lists the first 1,001
-- threads of its filter in its order and counts no further. An admin looking at every thread,
-- newest activity first, walks the first index and stops there, instead of sorting every thread of
-- the school; the overview's last four weeks read the second instead of every thread ever asked.

-- The index is built in the migration's transaction (Flyway runs each migration in one; CREATE
-- INDEX CONCURRENTLY cannot): a few seconds on a few hundred thousand threads, during which
-- replies wait.
-- squawk-ignore-file require-concurrent-index-creation, require-lock-timeout, require-statement-timeout
create index otosapp_messagethread_activity_idx on otosapp_messagethread (last_activity, id);
create index otosapp_messagethread_created_idx on otosapp_messagethread (created_at);
