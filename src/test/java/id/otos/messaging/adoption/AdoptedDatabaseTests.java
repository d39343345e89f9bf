package id.otos.messaging.adoption;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.accounts.AccountException;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.schema.SchemaMismatchException;
import id.otos.messaging.support.OtosFixture;
import id.otos.messaging.support.TestDatabases;
import id.otos.messaging.threads.UnreadCounts;
import id.otos.messaging.threads.Viewers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The application on an adopted otos database, beside Django: it starts, counts each
 * student's unread messages as the original did, and sees the users Django adds or
 * changes afterwards; on an otos database that was not adopted it refuses to start.
 */
class AdoptedDatabaseTests {

	private static final Logger logger = LoggerFactory.getLogger(AdoptedDatabaseTests.class);

	private static String database;

	private static ConfigurableApplicationContext app;

	@BeforeAll
	static void adoptAndStart() {
		database = OtosFixture.newDatabase("running");
		assertThat(AdoptionTests.adopt(database, "--media=" + OtosFixture.media()).exitCode()).isZero();
		app = start(database);
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void everyStudentsUnreadCountIsTheOriginals() {
		List<String> table = new ArrayList<>();
		for (JsonNode user : OtosFixture.unread().path("counts")) {
			long ours = unreadCount(user.path("id").asLong());
			table.add(String.format(Locale.ROOT, "%-24s %-8s ours %2d, original API %2d, badge %2d",
					user.path("email").asString(), user.path("role").asString(), ours,
					user.path("api_unread_count").asLong(), user.path("badge_unread_count").asLong()));
			if (user.path("role").asString().equals("Student")) {
				assertThat(ours).as(user.path("email").asString()).isEqualTo(user.path("api_unread_count").asLong());
			}
		}
		logger.info("Unread counts after adoption:\n{}", String.join("\n", table));
	}

	@Test
	void aUserThatDjangoAddsOrChangesIsSeenWithinTheAccountCheckInterval() {
		Accounts accounts = app.getBean(Accounts.class);
		JdbcClient jdbc = AdoptionTests.jdbc(database);
		long student2 = OtosFixture.generated().path("users").path("student2").path("id").asLong();
		assertThat(accounts.currentUser(student2)).hasValueSatisfying((user) -> assertThat(user.isEnabled()).isTrue());

		jdbc.sql("update otosapp_user set is_active = false where id = :id").param("id", student2).update();
		long added = jdbc.sql("""
				insert into otosapp_user (password, last_login, is_superuser, username, first_name, last_name,
				    is_staff, is_active, date_joined, email, role_id, profile_picture, phone_number, email_verified_at)
				values ('pbkdf2_sha256$870000$salt$hash', null, false, 'guru3@otos.example', 'Guru', 'Tiga', false,
				    true, now(), 'guru3@otos.example', (select id from otosapp_role where role_name = 'Teacher'), '',
				    null, now())
				returning id""").query(Long.class).single();

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			assertThat(accounts.currentUser(student2))
				.hasValueSatisfying((user) -> assertThat(user.isEnabled()).as("deactivated by Django").isFalse());
			assertThat(accounts.currentUser(added).map(CurrentUser::role)).contains(RoleName.TEACHER);
		});
	}

	@Test
	void accountsAreOtossHereAnUnverifiedAccountCannotLogInAndNoHashIsRewritten() {
		JdbcClient jdbc = AdoptionTests.jdbc(database);
		long teacher2 = OtosFixture.generated().path("users").path("teacher2").path("id").asLong();
		String email = OtosFixture.generated().path("users").path("teacher2").path("email").asString();
		String hash = jdbc.sql("select password from otosapp_user where id = :id")
			.param("id", teacher2)
			.query(String.class)
			.single();
		UserDetailsService users = app.getBean(UserDetailsService.class);
		UserDetails loggingIn = users.loadUserByUsername(email);
		assertThat(loggingIn.isEnabled()).isTrue();

		app.getBean(UserDetailsPasswordService.class).updatePassword(loggingIn, "{bcrypt}$2a$10$a-new-hash");
		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> app.getBean(Accounts.class).updateProfile(teacher2, "Guru", "Dua", null))
			.withMessage("account.error.managed-in-otos");
		assertThat(jdbc.sql("select password from otosapp_user where id = :id")
			.param("id", teacher2)
			.query(String.class)
			.single()).isEqualTo(hash);

		jdbc.sql("update otosapp_user set email_verified_at = null where id = :id").param("id", teacher2).update();
		assertThat(users.loadUserByUsername(email).isEnabled()).as("an unverified account, as otos's log-in has it")
			.isFalse();
		jdbc.sql("update otosapp_user set email_verified_at = now() where id = :id").param("id", teacher2).update();
	}

	@Test
	void theApplicationRefusesAnOtosDatabaseThatWasNotAdopted() {
		String unadopted = OtosFixture.newDatabase("unadopted");
		java.util.Set<String> catalog = Catalog.of(AdoptionTests.dataSource(unadopted));

		assertThatThrownBy(() -> start(unadopted).close()).rootCause()
			.isInstanceOf(SchemaMismatchException.class)
			.hasMessage("This is the database of an otos (Django) app that otos-messaging has not adopted, so nothing"
					+ " was created in it: adopt it once with `db adopt --media=<otos's MEDIA_ROOT>` (README:"
					+ " \"Adopting an otos database\"), then start the application.");
		assertThat(Catalog.of(AdoptionTests.dataSource(unadopted))).isEqualTo(catalog);
	}

	private static long unreadCount(long userId) {
		UserSummary person = app.getBean(Accounts.class).find(userId).orElseThrow();
		return app.getBean(UnreadCounts.class).of(app.getBean(Viewers.class).of(person));
	}

	private static ConfigurableApplicationContext start(String database) {
		return new SpringApplicationBuilder(MessagingApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + TestDatabases.postgresUrl(database),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--otos.demo.enabled=false", "--spring.main.banner-mode=off");
	}

}
