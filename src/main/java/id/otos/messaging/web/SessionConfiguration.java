package id.otos.messaging.web;

import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import id.otos.messaging.accounts.SessionsEnded;
import id.otos.messaging.database.DatabaseProduct;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * Wraps Spring Session's repository (sessions in the database, see README) in a
 * {@link QuietSessionRepository}, so that a request that changes nothing in its session
 * does not write it back, and a logged-in request mostly reads nothing from the database
 * ({@link KeptSessions}). {@code otos.sessions.touch-interval} (default one minute) is
 * how stale the stored access time may grow; {@code otos.sessions.kept-for} (default 10
 * s) how long a session read from the database is used on this node without reading it
 * again, {@code otos.sessions.kept-max} (default 20,000) how many are kept.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	private final ObjectProvider<SessionRepository<?>> sessions;

	SessionConfiguration(ObjectProvider<SessionRepository<?>> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Wraps the repository, and gives Spring Session its transactions: none for reading a
	 * session, the application's transaction manager for writing one (see
	 * {@link QuietSessionRepository.Transactions}). Not as a
	 * {@code TransactionOperations} bean, which would take the place of Spring Boot's
	 * {@code TransactionTemplate}.
	 * @param environment where the touch interval is set
	 * @param transactions the application's transaction manager, asked for when first
	 * needed
	 * @return the post-processor
	 */
	@Bean
	static BeanPostProcessor quietSessions(Environment environment,
			ObjectProvider<PlatformTransactionManager> transactions) {
		Binder settings = Binder.get(environment);
		Duration touchInterval = settings.bind("otos.sessions.touch-interval", Duration.class)
			.orElse(Duration.ofMinutes(1));
		KeptSessions kept = new KeptSessions(settings.bind("otos.sessions.kept-max", Long.class).orElse(20_000L),
				settings.bind("otos.sessions.kept-for", Duration.class).orElse(Duration.ofSeconds(10)));
		Supplier<TransactionTemplate> writes = SingletonSupplier
			.of(() -> new TransactionTemplate(transactions.getObject()));
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcHttpSessionConfiguration sessions) {
					sessions
						.setTransactionOperations(new QuietSessionRepository.Transactions(new TransactionOperations() {

							@Override
							public <T> T execute(TransactionCallback<T> action) {
								return writes.get().execute(action);
							}

						}));
				}
				return bean;
			}

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof FindByIndexNameSessionRepository<?> sessions
						&& !(bean instanceof QuietSessionRepository<?>)) {
					return quiet(sessions, touchInterval, kept);
				}
				return bean;
			}

		};
	}

	/**
	 * Writes a session attribute as an upsert: two requests of one session at once (a
	 * form submitted twice, on two nodes) may both add the same attribute, such as the
	 * flash message of a redirect, and Spring Session's plain {@code INSERT} would answer
	 * the second with a duplicate key error, a 500.
	 * @param dataSource the database the sessions are in
	 * @return the customizer
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeUpserts(DataSource dataSource) {
		if (DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL) {
			return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		}
		return (repository) -> repository.setCreateSessionAttributeQuery("""
				MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
				KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
				""");
	}

	/**
	 * Ends what {@link QuietSessionRepository} remembers of a request when the request
	 * ends, around Spring Session's own filter.
	 * @param sessions the session repository
	 * @return the filter's registration
	 */
	@Bean
	FilterRegistrationBean<Filter> sessionRequestScope(ObjectProvider<SessionRepository<?>> sessions) {
		Supplier<QuietSessionRepository<?>> quiet = SingletonSupplier
			.of(() -> (sessions.getIfAvailable() instanceof QuietSessionRepository<?> found) ? found : null);
		Filter filter = (request, response, chain) -> {
			forgetLoaded(quiet.get());
			try {
				chain.doFilter(request, response);
			}
			finally {
				forgetLoaded(quiet.get());
			}
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	private static void forgetLoaded(QuietSessionRepository<?> sessions) {
		if (sessions != null) {
			sessions.requestEnded();
		}
	}

	private static <S extends Session> QuietSessionRepository<S> quiet(FindByIndexNameSessionRepository<S> sessions,
			Duration touchInterval, KeptSessions kept) {
		return new QuietSessionRepository<>(sessions, touchInterval, kept);
	}

	/**
	 * Forgets the kept sessions of a person whose session ended on any node (a log-out),
	 * and every kept session when signals from other nodes may have been lost.
	 * @param ended whose sessions ended
	 */
	@EventListener
	void on(SessionsEnded ended) {
		if (this.sessions.getIfAvailable() instanceof QuietSessionRepository<?> quiet) {
			if (ended.isAnyone()) {
				quiet.kept().forgetAll();
			}
			else {
				quiet.kept().forgetSessionsOf(ended.personId());
			}
		}
	}

}
