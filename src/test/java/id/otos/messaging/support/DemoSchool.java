package id.otos.messaging.support;

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
		jdbc.sql("delete from otos_ready_answer").update();
		jdbc.sql("delete from otosapp_user where email not in ("
				+ "'admin@otos.test', 'operator@otos.test', 'guru1@otos.test', 'guru2@otos.test', "
				+ "'siswa1@otos.test', 'siswa2@otos.test', 'siswa3@otos.test')")
			.update();
		jdbc.sql(
				"delete from otosapp_category where category_name not in ('Matematika', 'Fisika', 'Bahasa Inggris', 'Kimia')")
			.update();
		jdbc.sql("update otosapp_user set is_active = true where is_active = false").update();
	}

}
