package id.otos.messaging.seed;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes a {@link SchoolPlan} into PostgreSQL in one transaction: categories and who
 * teaches them with plain inserts, people, threads, messages and read positions with
 * {@code COPY FROM STDIN}, then the identity sequences moved past the new ids.
 */
final class SchoolLoader {

	private static final int BUFFER = 1 << 16;

	private static final String[] STUDENT_LINES = { "Kak, saya masih bingung dengan soal nomor %d.",
			"Bagaimana cara mengerjakan bagian %d? Saya sudah coba tapi hasilnya beda.",
			"Terima kasih, tapi langkah ke-%d masih belum jelas.", "Apakah ada contoh lain untuk soal %d?" };

	private static final String[] HANDLER_LINES = { "Coba perhatikan lagi langkah ke-%d, di situ kuncinya.",
			"Sudah kami cek, silakan coba lagi dan kabari hasilnya (%d).",
			"Jawabannya ada di pembahasan nomor %d, bagian akhir.", "Baik, kami tindak lanjuti. Nomor tiket %d." };

	private final Connection connection;

	private final CopyManager copy;

	private final Progress progress;

	private final String passwordHash;

	private final Instant windowStart;

	private final Instant now;

	SchoolLoader(Connection connection, Progress progress, String passwordHash, Instant now) throws SQLException {
		this.connection = connection;
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
		this.progress = progress;
		this.passwordHash = passwordHash;
		this.now = now;
		this.windowStart = now.minusMillis(SchoolPlan.WINDOW_MILLIS);
	}

	void load(SchoolPlan plan) throws SQLException {
		SchoolSize size = plan.size;
		long userBase = maxId("otosapp_user");
		long threadBase = maxId("otosapp_messagethread");
		long messageBase = maxId("otosapp_message");
		long readBase = maxId("otos_thread_read");
		long[] categoryIds = categories();
		Map<String, Long> roles = roles();
		// ids: admins, operators, teachers, students
		long adminBase = userBase;
		long operatorBase = adminBase + SchoolSize.ADMINS;
		long teacherBase = operatorBase + SchoolSize.OPERATORS;
		long studentBase = teacherBase + size.teachers();
		writeUsers(size, userBase, roles);
		writeTeaching(plan, teacherBase, categoryIds);

		this.progress.start("threads", size.threads());
		try (Rows rows = new Rows("otosapp_messagethread (id, title, thread_type, status, created_at, updated_at,"
				+ " last_activity, priority, category_id, student_id, teacher_or_admin_id, created_by_id,"
				+ " close_requested_by_id, close_requested_at, closed_by_id, closed_at, last_message_id, version,"
				+ " first_response_at, resolved_at, awaiting_reply_since)")) {
			for (int t = 0; t < size.threads(); t++) {
				boolean academic = plan.category[t] >= 0;
				Long handler = (plan.handler[t] < 0) ? null
						: (academic ? teacherBase : operatorBase) + plan.handler[t] + 1;
				long student = studentBase + plan.student[t] + 1;
				String created = at(plan.offsetMillis[plan.firstMessage[t]]);
				String last = at(plan.offsetMillis[plan.lastMessage(t)]);
				boolean pending = "pending".equals(plan.status[t]);
				boolean closed = "closed".equals(plan.status[t]);
				String title = (academic ? "Pertanyaan " + SchoolPlan.CATEGORIES.get(plan.category[t])
						: "Laporan " + plan.type[t]) + " #" + (t + 1);
				rows.add(threadBase + t + 1, title, plan.type[t], plan.status[t], created, last, last, plan.priority[t],
						academic ? categoryIds[plan.category[t]] : null, student, handler, student,
						pending ? handler : null, pending ? last : null, closed ? handler : null, closed ? last : null,
						messageBase + plan.rank[plan.lastMessage(t)] + 1, 0, firstResponse(plan, t),
						("resolved".equals(plan.status[t]) || closed) ? last : null,
						("open".equals(plan.status[t]) || pending) ? awaitingSince(plan, t) : null);
				this.progress.update(t + 1);
			}
		}
		this.progress.finish();

		this.progress.start("messages", size.messages());
		try (Rows rows = new Rows("otosapp_message (id, thread_id, sender_id, content, is_read, is_edited,"
				+ " created_at, updated_at)")) {
			for (int r = 0; r < size.messages(); r++) {
				int m = plan.byTime[r];
				int t = plan.threadOf[m];
				boolean byStudent = plan.sentByStudent(m);
				long sender = byStudent ? studentBase + plan.student[t] + 1
						: ((plan.category[t] >= 0) ? teacherBase : operatorBase) + plan.handler[t] + 1;
				String[] lines = byStudent ? STUDENT_LINES : HANDLER_LINES;
				String content = lines[(m + t) % lines.length].formatted(1 + m % 40);
				String time = at(plan.offsetMillis[m]);
				rows.add(messageBase + r + 1, threadBase + t + 1, sender, content, plan.isReadByRecipient(m), false,
						time, time);
				this.progress.update(r + 1);
			}
		}
		this.progress.finish();

		this.progress.start("read positions", size.threads());
		long readId = readBase;
		try (Rows rows = new Rows("otos_thread_read (id, thread_id, user_id, last_read_message_id, read_at)")) {
			for (int t = 0; t < size.threads(); t++) {
				if (plan.studentRead[t] >= 0) {
					rows.add(++readId, threadBase + t + 1, studentBase + plan.student[t] + 1,
							readMessageId(plan, t, plan.studentRead[t], messageBase),
							readAt(plan, plan.firstMessage[t] + plan.studentRead[t]));
				}
				if (plan.handlerRead[t] >= 0) {
					long handler = ((plan.category[t] >= 0) ? teacherBase : operatorBase) + plan.handler[t] + 1;
					rows.add(++readId, threadBase + t + 1, handler,
							readMessageId(plan, t, plan.handlerRead[t], messageBase),
							readAt(plan, plan.firstMessage[t] + plan.handlerRead[t]));
				}
				this.progress.update(t + 1);
			}
		}
		this.progress.finish();
		for (String table : new String[] { "otosapp_user", "otosapp_category", "otosapp_category_teachers",
				"otosapp_messagethread", "otosapp_message", "otos_thread_read" }) {
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from "
						+ table + "))");
			}
		}
	}

	private void writeUsers(SchoolSize size, long base, Map<String, Long> roles) throws SQLException {
		this.progress.start("users", size.users());
		String joined = at(0);
		long id = base;
		int done = 0;
		try (Rows rows = new Rows("otosapp_user (id, password, is_superuser, username, first_name, last_name, email,"
				+ " is_staff, is_active, date_joined, role_id)")) {
			for (int i = 1; i <= SchoolSize.ADMINS; i++) {
				rows.add(++id, this.passwordHash, true, "admin" + i, "Admin", String.valueOf(i),
						"admin" + i + "@bench.otos.test", true, true, joined, roles.get("Admin"));
				this.progress.update(++done);
			}
			for (int i = 1; i <= SchoolSize.OPERATORS; i++) {
				rows.add(++id, this.passwordHash, false, "operator" + i, "Operator", String.valueOf(i),
						"operator" + i + "@bench.otos.test", true, true, joined, roles.get("Operator"));
				this.progress.update(++done);
			}
			String teacherNumber = "%0" + Math.max(2, String.valueOf(size.teachers()).length()) + "d";
			for (int i = 1; i <= size.teachers(); i++) {
				String name = "guru" + teacherNumber.formatted(i);
				rows.add(++id, this.passwordHash, false, name, "Guru", teacherNumber.formatted(i),
						name + "@bench.otos.test", false, true, joined, roles.get("Teacher"));
				this.progress.update(++done);
			}
			String studentNumber = "%0" + Math.max(4, String.valueOf(size.students()).length()) + "d";
			for (int i = 1; i <= size.students(); i++) {
				String name = "siswa" + studentNumber.formatted(i);
				rows.add(++id, this.passwordHash, false, name, "Siswa", studentNumber.formatted(i),
						name + "@bench.otos.test", false, true, joined, roles.get("Student"));
				this.progress.update(++done);
			}
		}
		this.progress.finish();
	}

	private void writeTeaching(SchoolPlan plan, long teacherBase, long[] categoryIds) throws SQLException {
		try (PreparedStatement insert = this.connection
			.prepareStatement("insert into otosapp_category_teachers (category_id, user_id) values (?, ?)")) {
			for (int t = 0; t < plan.taught.length; t++) {
				for (int c : plan.taught[t]) {
					insert.setLong(1, categoryIds[c]);
					insert.setLong(2, teacherBase + t + 1);
					insert.addBatch();
				}
			}
			insert.executeBatch();
		}
	}

	private long[] categories() throws SQLException {
		long[] ids = new long[SchoolPlan.CATEGORIES.size()];
		try (PreparedStatement insert = this.connection.prepareStatement("""
				insert into otosapp_category (category_name, time_limit, scoring_method, passing_score, release_date)
				values (?, 60, 'default', 75, ?)
				on conflict (category_name) do nothing""");
				PreparedStatement select = this.connection
					.prepareStatement("select id from otosapp_category where category_name = ?")) {
			for (int i = 0; i < ids.length; i++) {
				insert.setString(1, SchoolPlan.CATEGORIES.get(i));
				insert.setTimestamp(2, Timestamp.from(this.windowStart));
				insert.executeUpdate();
				select.setString(1, SchoolPlan.CATEGORIES.get(i));
				try (ResultSet result = select.executeQuery()) {
					result.next();
					ids[i] = result.getLong(1);
				}
			}
		}
		return ids;
	}

	private Map<String, Long> roles() throws SQLException {
		Map<String, Long> roles = new HashMap<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet result = statement.executeQuery("select id, role_name from otosapp_role")) {
			while (result.next()) {
				roles.put(result.getString(2), result.getLong(1));
			}
		}
		return roles;
	}

	private long maxId(String table) throws SQLException {
		try (Statement statement = this.connection.createStatement();
				ResultSet result = statement.executeQuery("select coalesce(max(id), 0) from " + table)) {
			result.next();
			return result.getLong(1);
		}
	}

	/** When someone other than the student first wrote in thread t, or null. */
	private String firstResponse(SchoolPlan plan, int t) {
		for (int m = plan.firstMessage[t]; m <= plan.lastMessage(t); m++) {
			if (!plan.sentByStudent(m)) {
				return at(plan.offsetMillis[m]);
			}
		}
		return null;
	}

	/**
	 * The time of the student's oldest message after the last answer in thread t, or null
	 * when the last word was an answer.
	 */
	private String awaitingSince(SchoolPlan plan, int t) {
		int oldestUnanswered = -1;
		for (int m = plan.firstMessage[t]; m <= plan.lastMessage(t); m++) {
			if (!plan.sentByStudent(m)) {
				oldestUnanswered = -1;
			}
			else if (oldestUnanswered < 0) {
				oldestUnanswered = m;
			}
		}
		return (oldestUnanswered < 0) ? null : at(plan.offsetMillis[oldestUnanswered]);
	}

	private static long readMessageId(SchoolPlan plan, int thread, int position, long messageBase) {
		return messageBase + plan.rank[plan.firstMessage[thread] + position] + 1;
	}

	/** A minute after the message read, but never in the future. */
	private String readAt(SchoolPlan plan, int message) {
		return at(Math.min(plan.offsetMillis[message] + 60_000, SchoolPlan.WINDOW_MILLIS));
	}

	private String at(long offsetMillis) {
		return this.windowStart.plusMillis(offsetMillis).toString();
	}

	/**
	 * Rows for one {@code COPY ... FROM STDIN} in text format; values are numbers,
	 * booleans, times and generated text without tabs, newlines or backslashes, so need
	 * no escaping.
	 */
	private final class Rows implements AutoCloseable {

		private final CopyIn copyIn;

		private final StringBuilder buffer = new StringBuilder(BUFFER + 1024);

		Rows(String tableAndColumns) throws SQLException {
			this.copyIn = SchoolLoader.this.copy.copyIn("copy " + tableAndColumns + " from stdin");
		}

		void add(Object... values) throws SQLException {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					this.buffer.append('\t');
				}
				Object value = values[i];
				this.buffer.append((value != null) ? value.toString() : "\\N");
			}
			this.buffer.append('\n');
			if (this.buffer.length() >= BUFFER) {
				flush();
			}
		}

		private void flush() throws SQLException {
			byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
			this.copyIn.writeToCopy(bytes, 0, bytes.length);
			this.buffer.setLength(0);
		}

		@Override
		public void close() throws SQLException {
			try {
				flush();
				this.copyIn.endCopy();
			}
			finally {
				if (this.copyIn.isActive()) {
					this.copyIn.cancelCopy();
				}
			}
		}

	}

}
