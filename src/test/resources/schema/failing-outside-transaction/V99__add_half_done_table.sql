-- A migration that fails halfway outside a transaction, for FailedMigrationPostgresTests
-- only (its .conf file runs it outside a transaction): the first statement works and stays, the second names a table that does not exist.
CREATE TABLE otos_half_done (id bigint PRIMARY KEY);
ALTER TABLE otosapp_no_such_table ADD COLUMN half_done boolean;
