-- fixture: V12_x.sql
select 1;
