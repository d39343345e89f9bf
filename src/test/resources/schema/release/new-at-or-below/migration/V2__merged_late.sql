-- fixture: V2__merged_late.sql
select 1;
