-- fixture: V4__in_a_subfolder.sql
select 1;
