package id.otos.messaging.schema;

import java.nio.file.Path;
import java.util.List;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.schema.H2Modes.H2ModeException;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An H2 URL without the modes the application needs works (they are added); one that sets
 * them otherwise is refused before anything starts, in one line saying what to write.
 * Before, {@code --spring.datasource.url=jdbc:h2:file:/srv/otos/db} started, migrated and
 * logged in fine, then answered 500 on every new thread.
 */
class H2ModesTests {

	@Test
	void theModesAreAddedToAUrlWithoutThem() {
		assertThat(H2Modes.completed("jdbc:h2:file:/srv/otos/db"))
			.isEqualTo("jdbc:h2:file:/srv/otos/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		assertThat(H2Modes.completed("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;mode=postgresql")).isEqualTo(
				"jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;mode=postgresql;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
	}

	@Test
	void aUrlWithTheModesStaysAsItIs() {
		String url = "jdbc:h2:file:./data/otos;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

		assertThat(H2Modes.completed(url)).isEqualTo(url);
	}

	@Test
	void aUrlThatSetsAModeOtherwiseIsRefusedSayingWhatToWrite() {
		assertThatThrownBy(() -> H2Modes.completed("jdbc:h2:file:/srv/otos/db;MODE=MySQL"))
			.isInstanceOf(H2ModeException.class)
			.hasMessage(
					"spring.datasource.url sets MODE=MySQL, but otos-messaging runs on H2 only with MODE=PostgreSQL:"
							+ " write jdbc:h2:file:/srv/otos/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
							+ "DEFAULT_NULL_ORDERING=HIGH (or leave these settings out: they are added)");
	}

	@Test
	void theApplicationOnAnH2UrlWithoutModesOpensThreads(@TempDir Path data) {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MessagingApplication.class).run(
				"--server.port=0", "--spring.main.banner-mode=off", "--otos.demo.enabled=true",
				"--otos.demo.password=" + DemoLogIn.PASSWORD,
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("db"))) {
			long student = app.getBean(Accounts.class).activeIdsWithRole(RoleName.STUDENT).get(0);
			long thread = app.getBean(ThreadDesk.class)
				.open(app.getBean(Viewers.class).of(student, RoleName.STUDENT), new NewThread("Tidak bisa masuk",
						ThreadType.TECHNICAL, null, null, Priority.NORMAL, "Halaman tryout kosong.", "kunci-1"), null);

			assertThat(thread).isPositive();
			assertThat(List.of(app.getEnvironment().getProperty("spring.datasource.url")))
				.allSatisfy((url) -> assertThat(url)
					.endsWith(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;" + "DEFAULT_NULL_ORDERING=HIGH"));
		}
	}

	@Test
	void theApplicationRefusesAnH2UrlWithAnotherModeBeforeStarting(@TempDir Path data) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(MessagingApplication.class)
			.run("--server.port=0", "--spring.main.banner-mode=off",
					"--spring.datasource.url=jdbc:h2:file:" + data.resolve("db") + ";MODE=MySQL")
			.close()).isInstanceOf(H2ModeException.class);
	}

}
