package id.otos.messaging.support;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts the test database back to the demo school (the demo accounts and categories, no
 * threads) after a test that wrote to it, so the next test class can reuse the
 * application context instead of starting a new one.
 */
public final class DemoSchool {

	private DemoSchool() {
	}

	public static void reset(JdbcClient jdbc) {
		jdbc.sql("delete from otos_mail_outbox").update();
		jdbc.sql("delete from otos_digest_state").update();
		jdbc.sql("delete from otos_notification_settings").update();
		jdbc.sql("delete from otosapp_messagethread").update();
		jdbc.sql("delete from otos_broadcast").update();
		jdbc.sql("delete from otos_ready_answer").update();
		jdbc.sql("delete from otos_password_token").update();
		jdbc.sql("delete from otos_student_import").update();
		jdbc.sql("delete from otosapp_user where email not in ("
				+ "'admin@otos.test', 'operator@otos.test', 'guru1@otos.test', 'guru2@otos.test', "
				+ "'siswa1@otos.test', 'siswa2@otos.test', 'siswa3@otos.test')")
			.update();
		jdbc.sql(
				"delete from otosapp_category where category_name not in ('Matematika', 'Fisika', 'Bahasa Inggris', 'Kimia')")
			.update();
		jdbc.sql("update otosapp_user set is_active = true where is_active = false").update();
		// tests that change roles and who teaches what (the desk invariant's property
		// test)
		roleOf(jdbc, "Admin", "admin@otos.test");
		roleOf(jdbc, "Operator", "operator@otos.test");
		roleOf(jdbc, "Teacher", "guru1@otos.test", "guru2@otos.test");
		roleOf(jdbc, "Student", "siswa1@otos.test", "siswa2@otos.test", "siswa3@otos.test");
		jdbc.sql("delete from otosapp_category_teachers").update();
		teaches(jdbc, "guru1@otos.test", "Matematika", "Fisika");
		teaches(jdbc, "guru2@otos.test", "Bahasa Inggris", "Kimia");
	}

	private static void roleOf(JdbcClient jdbc, String role, String... emails) {
		jdbc.sql("update otosapp_user set role_id = (select r.id from otosapp_role r where r.role_name = :role)"
				+ " where email in (:emails)")
			.param("role", role)
			.param("emails", List.of(emails))
			.update();
	}

	private static void teaches(JdbcClient jdbc, String email, String... categories) {
		jdbc.sql("insert into otosapp_category_teachers (category_id, user_id)"
				+ " select c.id, u.id from otosapp_category c, otosapp_user u"
				+ " where c.category_name in (:categories) and u.email = :email")
			.param("categories", List.of(categories))
			.param("email", email)
			.update();
	}

}
