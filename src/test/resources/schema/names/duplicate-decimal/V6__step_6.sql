-- fixture: V6__step_6.sql
select 1;
