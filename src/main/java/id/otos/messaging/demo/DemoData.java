package id.otos.messaging.demo;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.database.DatabaseProduct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start with an empty database, creates one account of each role and the four
 * demo categories, and logs how to log in, once. It does so while the application starts,
 * before the web server takes its first request: nobody can reach the log-in page before
 * the accounts it is for exist (a log-in tried in between was told "wrong e-mail or
 * password" and counted by the log-in throttle).
 */
@Component
class DemoData implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final Accounts accounts;

	private final Categories categories;

	private final DemoProperties properties;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	DemoData(Accounts accounts, Categories categories, DemoProperties properties, DataSource dataSource,
			TransactionTemplate transaction) {
		this.accounts = accounts;
		this.categories = categories;
		this.properties = properties;
		this.dataSource = dataSource;
		this.transaction = transaction;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!isEnabled() || this.accounts.hasAnyUser()) {
			return;
		}
		String password = (this.properties.password() != null && !this.properties.password().isBlank())
				? this.properties.password() : randomPassword();
		List<NewAccount> people = List.of(account("admin", "Admin", "Otos", RoleName.ADMIN, password),
				account("operator", "Operator", "Otos", RoleName.OPERATOR, password),
				account("guru1", "Budi", "Santoso", RoleName.TEACHER, password),
				account("guru2", "Sari", "Wulandari", RoleName.TEACHER, password),
				account("siswa1", "Andi", "Pratama", RoleName.STUDENT, password),
				account("siswa2", "Dewi", "Lestari", RoleName.STUDENT, password),
				account("siswa3", "Rizky", "Hidayat", RoleName.STUDENT, password));
		this.transaction.executeWithoutResult((status) -> {
			Map<String, Long> ids = new HashMap<>();
			people.forEach((person) -> ids.put(person.username(), this.accounts.register(person)));
			teach(ids.get("guru1"), "Matematika", "Fisika");
			teach(ids.get("guru2"), "Bahasa Inggris", "Kimia");
		});
		logger.info("""

				====================================================================
				 Demo accounts created (log in at /login with e-mail and password):
				   admin@otos.test, operator@otos.test,
				   guru1@otos.test (Matematika, Fisika), guru2@otos.test (Bahasa Inggris, Kimia),
				   siswa1@otos.test, siswa2@otos.test, siswa3@otos.test
				 Password for all of them: {}
				 This is shown once; set otos.demo.password to choose it.
				====================================================================""", password);
	}

	private void teach(long teacherId, String... categoryNames) {
		for (String name : categoryNames) {
			this.categories.assignTeacher(this.categories.create(name), teacherId);
		}
	}

	private boolean isEnabled() {
		if (this.properties.enabled() != null) {
			return this.properties.enabled();
		}
		return DatabaseProduct.of(this.dataSource) == DatabaseProduct.H2;
	}

	private static NewAccount account(String username, String firstName, String lastName, RoleName role,
			String password) {
		return new NewAccount(username + "@otos.test", username, firstName, lastName, null, role, password);
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
