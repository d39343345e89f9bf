package id.otos.messaging.schema;

/**
 * A migration failed while the application migrated the database on start; the message
 * says, in one line, which migration, why (the database's own error), and where the
 * schema was left.
 */
public class MigrationFailedException extends IllegalStateException {

	MigrationFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
