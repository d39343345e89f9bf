-- fixture: V1__a.sql
select 1;
