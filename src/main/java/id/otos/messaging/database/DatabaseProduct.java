package id.otos.messaging.database;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Which database the application runs on: PostgreSQL (otos's own database, which several
 * app nodes may share), the embedded H2 (one node, the demo and the tests) or another.
 * The one place that asks; every statement, lock or bean that differs by database asks
 * here.
 */
public enum DatabaseProduct {

	/** PostgreSQL. */
	POSTGRESQL,

	/** The embedded H2 database. */
	H2,

	/** Any other database; the application does not run on it, the commands say so. */
	OTHER;

	/**
	 * The product the driver names.
	 * @param productName what {@link DatabaseMetaData#getDatabaseProductName()} answered
	 * @return the product
	 */
	public static DatabaseProduct named(String productName) {
		if ("PostgreSQL".equalsIgnoreCase(productName)) {
			return POSTGRESQL;
		}
		return "H2".equalsIgnoreCase(productName) ? H2 : OTHER;
	}

	/**
	 * The product of a data source's database (one connection, borrowed and returned).
	 * @param dataSource the database
	 * @return the product
	 * @throws IllegalStateException if the database cannot be reached
	 */
	public static DatabaseProduct of(DataSource dataSource) {
		return named(nameOf(dataSource));
	}

	/**
	 * The name the driver gives the data source's database, for a message that says which
	 * one it is.
	 * @param dataSource the database
	 * @return the product name, e.g. {@code PostgreSQL} or {@code H2}
	 * @throws IllegalStateException if the database cannot be reached
	 */
	public static String nameOf(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database this is: " + ex.getMessage(), ex);
		}
	}

}
