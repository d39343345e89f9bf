-- fixture: v2__lower_case_prefix.sql
select 1;
