package id.otos.messaging.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Which database the {@code db} command works on, for its output: the JDBC URL (any
 * password in it hidden) and the product.
 */
record DatabaseName(String url, String product) {

	static DatabaseName of(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			return new DatabaseName(metaData.getURL().replaceAll("(?i)(password=)[^&;]*", "$1***"),
					metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot connect to the database: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return this.url + " (" + this.product + ")";
	}

}
