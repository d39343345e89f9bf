-- squawk-ignore require-concurrent-index-creation, require-lock-timeout, require-statement-timeout
create index otosapp_role_lower_name_idx on otosapp_role (lower(role_name));
