package id.otos.messaging.notifications;

import javax.sql.DataSource;

import id.otos.messaging.database.DatabaseProduct;

import org.springframework.stereotype.Component;

/**
 * How this database locks the rows a job takes: PostgreSQL skips rows another app node
 * has locked ({@code for update skip locked}), so nodes share the work without waiting;
 * H2, the single-node embedded database, waits for the lock instead ({@code for update}),
 * which is just as safe because every job re-reads the row after it has the lock.
 */
@Component
class RowLocking {

	private final String clause;

	RowLocking(DataSource dataSource) {
		this.clause = (DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL) ? " for update skip locked"
				: " for update";
	}

	/** The locking clause to append to a select. */
	String forUpdate() {
		return this.clause;
	}

}
