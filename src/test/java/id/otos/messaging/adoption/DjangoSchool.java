package id.otos.messaging.adoption;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import id.otos.messaging.support.OtosFixture;
import id.otos.messaging.support.TestDatabases;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A school in the shape the otos Django app writes it, on top of the fixture's otos
 * database: at scale 1, 2,000 students, 40 teachers, 4 operators and 2 admins, 12
 * categories, 20,000 threads over every type, status and priority and 200,000 messages
 * over 90 days, about 30% of them unread (by the original's shared flag, in no particular
 * order), a status log for every fourth thread, and an attachment on every 200th message
 * (the fixture's two files). Rows are made in SQL with a fixed random seed: the same
 * scale gives the same school.
 */
final class DjangoSchool {

	private DjangoSchool() {
	}

	/**
	 * A new database holding the fixture's otos database and a generated school.
	 * @param scale 1 for the sizes above, 0.1 for a tenth of them
	 * @return the database's name
	 */
	static String create(double scale) {
		String database = OtosFixture.newDatabase("school");
		try (Connection connection = TestDatabases.postgresDataSource(database).getConnection()) {
			generate(JdbcClient.create(new SingleConnectionDataSource(connection, true)), scale);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return database;
	}

	/**
	 * The school's rows, on one connection (the random seed and a temporary table are its
	 * own).
	 */
	private static void generate(JdbcClient jdbc, double scale) {
		int students = (int) Math.round(2000 * scale);
		int teachers = Math.max(4, (int) Math.round(40 * scale));
		int threads = (int) Math.round(20000 * scale);
		int messagesPerThread = 10;
		String hash = jdbc.sql("select password from otosapp_user order by id limit 1").query(String.class).single();
		jdbc.sql("select setseed(0.42)").query((rs, n) -> 0).list();
		users(jdbc, "siswa", "Student", students, hash);
		users(jdbc, "guru", "Teacher", teachers, hash);
		users(jdbc, "operator", "Operator", 4, hash);
		users(jdbc, "admin", "Admin", 2, hash);
		jdbc.sql("""
				insert into otosapp_category (category_name, time_limit, scoring_method, passing_score, created_by_id,
				    release_date)
				select 'Mapel ' || n, 60, 'default', 75.0, null, now() - interval '100 days'
				from generate_series(1, 12) n""").update();
		jdbc.sql("""
				insert into otosapp_category_teachers (category_id, user_id)
				select distinct c.id, t.id
				from (select id, row_number() over (order by id) as n from otosapp_user where username like 'guru%') t
				join (select id, row_number() over (order by id) as n from otosapp_category
				      where category_name like 'Mapel %') c on c.n = (t.n % 12) + 1 or c.n = ((t.n + 5) % 12) + 1
				""").update();
		jdbc.sql("""
				create temporary table school_people as
				select array(select id from otosapp_user where username like 'siswa%' order by id) as students,
				       array(select id from otosapp_user where username like 'operator%' or username like 'admin%'
				             order by id) as staff,
				       array(select id from otosapp_category where category_name like 'Mapel %' order by id)
				           as categories
				""").update();
		jdbc.sql("""
				insert into otosapp_messagethread (title, thread_type, status, created_at, updated_at, last_activity,
				    priority, category_id, student_id, teacher_or_admin_id, close_requested_at,
				    close_requested_by_id, closed_at, closed_by_id, reopened_at, reopened_by_id)
				select 'Pertanyaan ' || g.n, g.kind, g.status, g.at, g.at, g.at + interval '2 days', g.priority,
				       g.category, g.student, null, null, null, null, null, null, null
				from (select n,
				             (array['academic', 'academic', 'academic', 'academic', 'academic', 'technical',
				                    'technical', 'report', 'general', 'info'])[1 + floor(random() * 10)::int] as kind,
				             (array['open', 'open', 'pending', 'resolved', 'closed'])[1 + floor(random() * 5)::int]
				                 as status,
				             (array['low', 'normal', 'normal', 'high', 'urgent'])[1 + floor(random() * 5)::int]
				                 as priority,
				             now() - (random() * interval '90 days') as at,
				             p.students[1 + floor(random() * array_length(p.students, 1))::int] as student,
				             p.categories[1 + floor(random() * 12)::int] as category
				      from generate_series(1, :threads) n, school_people p) g
				""").param("threads", threads).update();
		jdbc.sql("""
				update otosapp_messagethread t set category_id = null
				where t.thread_type <> 'academic' and t.title like 'Pertanyaan %'""").update();
		jdbc.sql("""
				update otosapp_messagethread t
				set teacher_or_admin_id = case
				        when t.thread_type = 'academic' then
				            (select ct.user_id from otosapp_category_teachers ct where ct.category_id = t.category_id
				             order by ct.user_id limit 1 offset (t.id % 2))
				        else (select p.staff[1 + (t.id % array_length(p.staff, 1))] from school_people p) end
				where t.title like 'Pertanyaan %' and random() < 0.7""").update();
		jdbc.sql("""
				update otosapp_messagethread
				set close_requested_at = last_activity, close_requested_by_id = teacher_or_admin_id
				where status = 'pending' and teacher_or_admin_id is not null and title like 'Pertanyaan %'""").update();
		jdbc.sql(
				"""
						insert into otosapp_message (content, attachment, is_read, is_edited, created_at, updated_at, sender_id,
						    thread_id)
						select 'Pesan ' || k || ' tentang ' || t.title,
						       case when (t.id * 10 + k) % 200 = 0 then
						           (array['message_attachments/screenshot-error-login.png',
						                  'message_attachments/rangkuman-operasi-hitung.pdf'])[1 + (t.id % 2)::int]
						       else '' end,
						       random() > 0.3, false, t.created_at + k * interval '1 hour', t.created_at + k * interval '1 hour',
						       case when k % 2 = 1 or t.teacher_or_admin_id is null then t.student_id
						            else t.teacher_or_admin_id end,
						       t.id
						from otosapp_messagethread t, generate_series(1, :perThread) k
						where t.title like 'Pertanyaan %'
						order by t.id, k""")
			.param("perThread", messagesPerThread)
			.update();
		jdbc.sql(
				"""
						insert into otosapp_threadstatuslog (old_status, new_status, note, created_at, changed_by_id, thread_id)
						select 'open', t.status, 'Status diubah', t.last_activity, coalesce(t.teacher_or_admin_id, t.student_id),
						       t.id
						from otosapp_messagethread t
						where t.title like 'Pertanyaan %' and t.id % 4 = 0 and t.status <> 'open'""")
			.update();
		jdbc.sql("analyze").update();
	}

	private static void users(JdbcClient jdbc, String name, String role, int count, String hash) {
		jdbc.sql("""
				insert into otosapp_user (password, last_login, is_superuser, username, first_name, last_name,
				    is_staff, is_active, date_joined, email, role_id, profile_picture, phone_number, email_verified_at)
				select :hash, null, :admin, :name || lpad(n::text, 5, '0'), initcap(:name), lpad(n::text, 5, '0'),
				       :admin, true, now() - interval '200 days', :name || lpad(n::text, 5, '0') || '@school.example',
				       (select id from otosapp_role where role_name = :role), '', null, now() - interval '199 days'
				from generate_series(1, :count) n""")
			.param("hash", hash)
			.param("admin", role.equals("Admin"))
			.param("name", name.toLowerCase(Locale.ROOT))
			.param("role", role)
			.param("count", count)
			.update();
	}

}
