-- fixture: V1__step_1.sql
select 1;
