package id.otos.messaging.support;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.threads.UnreadCounts;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Tests put the database back by SQL ({@code DemoSchool.reset}) and set it up the same
 * way, behind the application's back: before and after every test the kept unread counts
 * ({@link UnreadCounts}) and accounts are forgotten, as a node does when it may have
 * missed changes. Registered for every test in {@code META-INF/spring.factories}.
 */
public class ForgetKeptCounts implements TestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		forget(testContext);
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		forget(testContext);
	}

	/**
	 * Forgets what the application keeps between requests, as a node does when it may
	 * have missed changes: the next request reads everything afresh.
	 * @param context the application
	 */
	public static void forgetAll(ApplicationContext context) {
		context.getBeanProvider(UnreadCounts.class).ifAvailable(UnreadCounts::forgetAll);
		context.getBeanProvider(Accounts.class).ifAvailable(Accounts::mayHaveMissedChanges);
	}

	private static void forget(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			forgetAll(testContext.getApplicationContext());
		}
	}

}
