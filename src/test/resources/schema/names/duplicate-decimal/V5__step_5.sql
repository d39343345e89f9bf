-- fixture: V5__step_5.sql
select 1;
