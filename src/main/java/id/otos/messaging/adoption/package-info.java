/**
 * {@code db adopt}: takes an otos (Django) PostgreSQL database into use beside the Django
 * app, once. Checks that it is otos at a migration state this build knows, adds what
 * otos-messaging needs, carries the original's status logs, read flags, attachments and
 * pictures over, and records the adoption in the schema history, all in one transaction.
 */
package id.otos.messaging.adoption;
