-- Unsafe on a live table: a NOT NULL column without a default fails on existing rows and
-- makes every insert that does not know it fail. squawk must fail this file.
alter table otosapp_user add column nickname text not null;
