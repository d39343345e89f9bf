package id.otos.messaging.adoption;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import id.otos.messaging.accounts.PictureType;
import id.otos.messaging.attachments.AcceptedFile;
import id.otos.messaging.attachments.AttachmentRejected;
import id.otos.messaging.attachments.Attachments;
import id.otos.messaging.threads.SharedReadFlags;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The adoption's steps, on one connection in one transaction that the caller commits (or
 * rolls back, for a dry run or a failure): what otos-messaging adds to the schema, the
 * carried-over rows, the imported files, and the schema history's baseline.
 */
final class Adoption {

	private final Connection connection;

	private final JdbcClient jdbc;

	private final MediaFolder media;

	private final long attachmentMaxBytes;

	private final long pictureMaxBytes;

	private final PrintStream out;

	private final Clock clock;

	private final AdoptionReport report = new AdoptionReport();

	Adoption(Connection connection, MediaFolder media, long attachmentMaxBytes, long pictureMaxBytes, PrintStream out,
			Clock clock) {
		this.connection = connection;
		this.jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
		this.media = media;
		this.attachmentMaxBytes = attachmentMaxBytes;
		this.pictureMaxBytes = pictureMaxBytes;
		this.out = out;
		this.clock = clock;
	}

	AdoptionReport run() throws SQLException {
		Instant now = this.clock.instant();
		step("Adding otos-messaging's tables, columns and indexes", () -> ScriptUtils.executeSqlScript(this.connection,
				new ClassPathResource("db/adoption/adopt-otos-database.sql")));
		count("users (otos's, shared)", "select count(*) from otosapp_user");
		count("categories (otos's, shared)", "select count(*) from otosapp_category");
		step("Threads: their newest message and who opened them", this::threads);
		step("Status logs into the audit log", this::statusLogs);
		step("Read positions from the shared is_read flags", () -> this.report
			.count("read positions (otos_thread_read)", SharedReadFlags.toReadPositions(this.jdbc, now)));
		step("Attachments from MEDIA_ROOT", () -> attachments(now));
		step("Profile pictures from MEDIA_ROOT", () -> pictures(now));
		step("Recording the adoption in the schema history", this::baseline);
		return this.report;
	}

	private void threads() {
		this.report.count("threads (kept in place)", this.jdbc.sql("""
				update otosapp_messagethread t
				set last_message_id = (select max(m.id) from otosapp_message m where m.thread_id = t.id),
				    created_by_id = (select m.sender_id from otosapp_message m where m.thread_id = t.id
				                     order by m.id limit 1)
				""").update());
		count("messages (kept in place)", "select count(*) from otosapp_message");
	}

	private void statusLogs() {
		this.report.count("status logs carried into the audit log",
				this.jdbc
					.sql("""
							insert into otos_thread_audit (thread_id, actor_id, action, from_value, to_value, note, created_at)
							select l.thread_id, l.changed_by_id, 'status', l.old_status, l.new_status, left(l.note, 500), l.created_at
							from otosapp_threadstatuslog l
							order by l.created_at, l.id
							""")
					.update());
	}

	private void attachments(Instant now) throws SQLException {
		try (PreparedStatement select = this.connection.prepareStatement("""
				select m.id, m.thread_id, m.attachment from otosapp_message m
				where m.attachment is not null and m.attachment <> '' order by m.id""");
				PreparedStatement insert = this.connection.prepareStatement(
						"""
								insert into otos_message_attachment (message_id, file_name, content_type, size_bytes, sha256, content)
								values (?, ?, ?, ?, ?, ?)""");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				long message = rows.getLong("id");
				String column = rows.getString("attachment");
				String where = "thread " + rows.getLong("thread_id") + ", message " + message + ": attachment "
						+ column;
				MediaFolder.Read read = this.media.read(column, this.attachmentMaxBytes);
				if (!read.isFound()) {
					this.report.list(where + " " + read.refusal());
					continue;
				}
				try {
					AcceptedFile file = Attachments.check(column, read.bytes(), this.attachmentMaxBytes);
					insert.setLong(1, message);
					insert.setString(2, file.fileName());
					insert.setString(3, file.contentType());
					insert.setLong(4, file.size());
					insert.setString(5, file.sha256());
					insert.setBytes(6, file.content());
					insert.executeUpdate();
					this.report.imported();
				}
				catch (AttachmentRejected ex) {
					this.report.list(where + " is refused by the attachment checks (" + ex.getMessage() + ")");
				}
			}
		}
		this.report.count("attachments imported (otos_message_attachment)",
				this.jdbc.sql("select count(*) from otos_message_attachment").query(Long.class).single());
	}

	private void pictures(Instant now) throws SQLException {
		try (PreparedStatement select = this.connection.prepareStatement("""
				select id, profile_picture from otosapp_user
				where profile_picture is not null and profile_picture <> '' order by id""");
				PreparedStatement insert = this.connection.prepareStatement("""
						insert into otos_profile_picture (user_id, content_type, content, updated_at)
						values (?, ?, ?, ?)""");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				long user = rows.getLong("id");
				String column = rows.getString("profile_picture");
				String where = "user " + user + ": profile picture " + column;
				MediaFolder.Read read = this.media.read(column, this.pictureMaxBytes);
				if (!read.isFound()) {
					this.report.list(where + " " + read.refusal());
					continue;
				}
				PictureType type = PictureType.detect(read.bytes()).orElse(null);
				if (type == null) {
					this.report.list(where + " is refused by the picture checks: not a PNG, JPEG, GIF or WebP image");
					continue;
				}
				insert.setLong(1, user);
				insert.setString(2, type.contentType());
				insert.setBytes(3, read.bytes());
				insert.setTimestamp(4, Timestamp.from(now));
				insert.executeUpdate();
				this.report.imported();
			}
		}
		this.report.count("profile pictures imported (otos_profile_picture)",
				this.jdbc.sql("select count(*) from otos_profile_picture").query(Long.class).single());
	}

	/**
	 * Flyway's schema history, created as Flyway creates it on PostgreSQL, with the
	 * adoption as its baseline at V5: migrations up to V5 count as applied by the
	 * adoption, later ones apply as on any database. Written here rather than by Flyway's
	 * baseline command so that it is part of the adoption's transaction.
	 */
	private void baseline() {
		this.jdbc.sql("""
				create table flyway_schema_history (
				    installed_rank int not null,
				    version varchar(50),
				    description varchar(200) not null,
				    type varchar(20) not null,
				    script varchar(1000) not null,
				    checksum integer,
				    installed_by varchar(100) not null,
				    installed_on timestamp not null default now(),
				    execution_time integer not null,
				    success boolean not null,
				    constraint flyway_schema_history_pk primary key (installed_rank)
				)""").update();
		this.jdbc.sql("create index flyway_schema_history_s_idx on flyway_schema_history (success)").update();
		this.jdbc
			.sql("""
					insert into flyway_schema_history
					    (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
					values (1, :version, :description, 'BASELINE', :description, null, current_user, 0, true)
					""")
			.param("version", OtosDatabase.ADOPTED_VERSION)
			.param("description", OtosDatabase.ADOPTION_DESCRIPTION)
			.update();
	}

	private void count(String what, String sql) {
		this.report.count(what, this.jdbc.sql(sql).query(Long.class).single());
	}

	private void step(String what, Step step) throws SQLException {
		long started = System.nanoTime();
		this.out.print("  " + what + " ... ");
		this.out.flush();
		step.run();
		this.out.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - started) / 1e9);
	}

	@FunctionalInterface
	private interface Step {

		void run() throws SQLException;

	}

}
