package id.otos.messaging.accounts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where the accounts are kept, decided once at start. On a database of our own they are
 * managed here. On an adopted otos database (it has Django's {@code django_migrations}),
 * and whenever Django's sessions are the log-in ({@link DjangoProperties}), they are
 * otos's: Django goes on creating and changing them, and must be able to read every
 * password hash, so this application only reads them (a change made in otos applies here
 * within the account-check interval) and holds them to otos's own log-in rule: an account
 * whose e-mail address was never verified cannot log in. See decision 0014.
 */
@Component
public class AccountHome {

	private final boolean otos;

	@Autowired
	AccountHome(DataSource dataSource, DjangoProperties django) {
		this(django.enabled() || hasDjangoMigrations(dataSource));
	}

	AccountHome(boolean otos) {
		this.otos = otos;
	}

	/** Whether the accounts are otos's (an adopted otos database). */
	public boolean isOtos() {
		return this.otos;
	}

	/**
	 * Refuses a change to an account when the accounts are otos's.
	 * @throws AccountException saying that the account is managed in otos
	 */
	void requireManagedHere() {
		if (this.otos) {
			throw new AccountException(null, "account.error.managed-in-otos");
		}
	}

	private static boolean hasDjangoMigrations(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection();
				ResultSet tables = connection.getMetaData()
					.getTables(null, connection.getSchema(), "django_migrations", new String[] { "TABLE" })) {
			return tables.next();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not tell whose accounts the database holds: " + ex.getMessage(), ex);
		}
	}

}
