/**
 * Which database the application runs on (PostgreSQL or the embedded H2), asked in one
 * place by every feature whose statements or beans differ by database; it depends on
 * nothing.
 */
package id.otos.messaging.database;
