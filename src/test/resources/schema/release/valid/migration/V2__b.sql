-- fixture: V2__b.sql
select 1;
