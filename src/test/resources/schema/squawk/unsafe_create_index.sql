-- Unsafe on a live table: a plain create index blocks every write to otosapp_user until
-- it is built. squawk must fail this file.
create index otosapp_user_last_name_idx on otosapp_user (last_name);
