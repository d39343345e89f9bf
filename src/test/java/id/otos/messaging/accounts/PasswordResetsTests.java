package id.otos.messaging.accounts;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Password links and student imports exist only where the accounts are managed here and a
 * mail server sends the links: on an adopted otos database, otos resets passwords and
 * creates accounts, and without a mail server nobody would get a link.
 */
class PasswordResetsTests {

	private final Clock clock = Clock.systemUTC();

	@Test
	void availableWithOurOwnAccountsAndAMailServer() {
		assertThat(resets(false, true).available()).isTrue();
	}

	@Test
	void absentWhenTheAccountsAreOtossEvenWithAMailServer() {
		PasswordResets otos = resets(true, true);
		assertThat(otos.available()).isFalse();
		assertThat(new StudentImports(null, null, otos, null, null, this.clock).available()).isFalse();
		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> otos.requestLink("siswa1@otos.test", "10.0.0.1", java.util.Locale.ENGLISH))
			.extracting(AccountException::messageKey)
			.isEqualTo("account.error.managed-in-otos");
		assertThatExceptionOfType(AccountException.class).isThrownBy(() -> otos.reset("x".repeat(43), "long-enough"));
	}

	@Test
	void absentWithoutAMailServer() {
		PasswordResets noMail = resets(false, false);
		assertThat(noMail.available()).isFalse();
		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> noMail.requestLink("siswa1@otos.test", "10.0.0.1", java.util.Locale.ENGLISH))
			.extracting(AccountException::messageKey)
			.isEqualTo("password-reset.error.no-mail");
	}

	private PasswordResets resets(boolean otos, boolean mailServer) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		if (mailServer) {
			beans.addBean("mailSender", new JavaMailSenderImpl());
		}
		ObjectProvider<JavaMailSender> mail = beans.getBeanProvider(JavaMailSender.class);
		PasswordResetProperties properties = new PasswordResetProperties(java.time.Duration.ofHours(1),
				java.time.Duration.ofDays(7), 3, 10, java.time.Duration.ofHours(1), 100);
		return new PasswordResets(null, null, new PasswordResetThrottle(properties, this.clock), properties, null, null,
				null, new AccountHome(otos), this.clock, mail);
	}

}
