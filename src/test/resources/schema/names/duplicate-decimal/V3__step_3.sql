-- fixture: V3__step_3.sql
select 1;
