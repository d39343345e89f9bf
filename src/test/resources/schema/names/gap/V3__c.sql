-- fixture: V3__c.sql
select 1;
