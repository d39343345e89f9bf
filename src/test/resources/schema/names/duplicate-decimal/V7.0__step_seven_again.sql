-- fixture: V7.0__step_seven_again.sql
select 1;
