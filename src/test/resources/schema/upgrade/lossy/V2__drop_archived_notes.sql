-- Fixture: the kind of migration the upgrade test must catch, deleting rows on the way.
delete from notes where archived;
