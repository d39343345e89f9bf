-- A deliberate exception: otosapp_role holds five rows, so the index builds in microseconds,
-- and a concurrent build could not run inside the transaction Flyway wraps each migration in.
-- squawk-ignore require-concurrent-index-creation, require-lock-timeout, require-statement-timeout
create index otosapp_role_lower_name_idx on otosapp_role (lower(role_name));
