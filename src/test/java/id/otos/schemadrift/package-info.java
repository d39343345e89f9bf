/**
 * Entities that do not match the migrated schema, for the tests that prove the
 * entity–schema comparison bites. They live outside {@code id.otos.messaging} on purpose:
 * the application's entity scan (and its {@code ddl-auto=validate}) must never see them.
 */
package id.otos.schemadrift;
