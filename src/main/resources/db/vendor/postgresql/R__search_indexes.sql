-- Staff search (issue 13) on PostgreSQL: trigram indexes, so that a word is found in thread titles
-- and message texts without reading every message (`lower(...) like '%word%'` is what the
-- application asks; a trigram GIN index answers it). This folder is read on PostgreSQL only
-- (spring.flyway.locations: classpath:db/vendor/{vendor}); H2 searches by reading.
--
-- Optional by design: pg_trgm comes with PostgreSQL's contrib modules and is a trusted extension
-- (PostgreSQL 13+), so a database owner may create it without being a superuser. Where it is
-- missing or not allowed, or an index cannot be built, search still works, only slower: this
-- migration then records itself as applied and says why in a warning in the log.
--
-- A repeatable migration: Flyway applies it after the versioned ones and again whenever this file
-- changes; every statement in it may run again.
-- squawk-ignore-file require-concurrent-index-creation, require-lock-timeout, require-statement-timeout
do $$
begin
    create extension if not exists pg_trgm;
    execute 'create index if not exists otosapp_message_content_trgm_idx on otosapp_message using gin (lower(content) gin_trgm_ops)';
    execute 'create index if not exists otosapp_messagethread_title_trgm_idx on otosapp_messagethread using gin (lower(title) gin_trgm_ops)';
exception when others then
    raise warning 'otos-messaging: no trigram index for staff search (%: %); search reads every message',
        sqlstate, sqlerrm;
end
$$;
