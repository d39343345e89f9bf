-- fixture: V001__b.sql
select 1;
