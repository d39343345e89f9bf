-- The tables otos-messaging shares with the otos Django app (users, roles, categories) take the
-- exact shape they have in a real otos database, so that one set of entities serves a database
-- of our own and an adopted otos database alike (db adopt; README, "Adopting an otos database"):
--  - otosapp_role.role_name and otosapp_category.category_name are varchar(200),
--    otosapp_user.profile_picture varchar(500);
--  - otosapp_category gets otos's columns time_limit, scoring_method, passing_score,
--    release_date (all not null, no default: the application writes otos's own defaults) and
--    created_by_id; existing categories get otos's defaults (60 minutes, 'default', 75) and
--    their creation time as release date;
--  - otosapp_user.updated_at and otosapp_category.created_at, which otos does not have, are no
--    longer written. They become nullable here (expand) so that a node of the previous release
--    still running beside this one keeps working; a later release drops them (contract).

-- Widening a varchar and dropping a not-null constraint only change the catalog on PostgreSQL
-- (no table rewrite, no scan). The varchar sizes are otos's, part of the compatibility contract.
-- squawk-ignore-file prefer-text-field, changing-column-type

-- The new not-null columns are added with a constant default (a catalog-only change on
-- PostgreSQL 11 and later), which is then dropped: otos's columns have no database default.
-- time_limit is otos's integer column (minutes).
-- squawk-ignore-file prefer-bigint-over-int

-- Dropping not-null from updated_at and created_at is the point: the application no longer
-- writes them (see above), and the previous release still writes them.
-- squawk-ignore-file ban-drop-not-null

-- Every statement takes an ACCESS EXCLUSIVE lock for a catalog change only, on small tables
-- (roles, categories) or briefly on otosapp_user; the update touches the categories, a few
-- dozen rows.
-- squawk-ignore-file require-lock-timeout, require-statement-timeout

-- The foreign key and the index are added on otosapp_category, a table of a few dozen rows,
-- whose scan takes no time: validating separately or building concurrently would gain nothing.
-- squawk-ignore-file constraint-missing-not-valid, require-concurrent-index-creation, adding-foreign-key-constraint

alter table otosapp_role alter column role_name set data type varchar(200);

alter table otosapp_user alter column profile_picture set data type varchar(500);
alter table otosapp_user alter column updated_at drop not null;

alter table otosapp_category alter column category_name set data type varchar(200);
alter table otosapp_category add column time_limit integer not null default 60;
alter table otosapp_category add column scoring_method varchar(10) not null default 'default';
alter table otosapp_category add column passing_score double precision not null default 75;
alter table otosapp_category add column release_date timestamp with time zone not null default timestamp with time zone '2000-01-01 00:00:00+00';
alter table otosapp_category add column created_by_id bigint;
update otosapp_category set release_date = created_at;
alter table otosapp_category alter column time_limit drop default;
alter table otosapp_category alter column scoring_method drop default;
alter table otosapp_category alter column passing_score drop default;
alter table otosapp_category alter column release_date drop default;
alter table otosapp_category alter column created_at drop not null;
alter table otosapp_category add constraint otosapp_category_created_by_id_fk
    foreign key (created_by_id) references otosapp_user (id) on delete set null;
create index otosapp_category_created_by_id_idx on otosapp_category (created_by_id);
