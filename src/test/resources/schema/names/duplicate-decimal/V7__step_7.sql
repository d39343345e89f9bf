-- fixture: V7__step_7.sql
select 1;
