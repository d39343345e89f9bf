-- A migration that fails halfway, for FailedMigrationPostgresTests only (never on the
-- application's classpath:db/migration): the first statement works, the second names a
-- table that does not exist.
CREATE TABLE otos_half_done (id bigint PRIMARY KEY);
ALTER TABLE otosapp_no_such_table ADD COLUMN half_done boolean;
