-- fixture: V2__step_2.sql
select 1;
