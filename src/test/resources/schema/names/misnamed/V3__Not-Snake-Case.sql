-- fixture: V3__Not-Snake-Case.sql
select 1;
