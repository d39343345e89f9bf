-- fixture: V4__step_4.sql
select 1;
