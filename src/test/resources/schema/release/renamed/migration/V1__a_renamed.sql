-- fixture: V1__a_renamed.sql
select 1;
