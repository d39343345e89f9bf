package id.otos.messaging.web;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Wraps Spring Session's repository (sessions in the database, see README) in a
 * {@link QuietSessionRepository}, so that a request that changes nothing in its session
 * does not write it back. {@code otos.sessions.touch-interval} (default one minute) is
 * how stale the stored access time may grow.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	static BeanPostProcessor quietSessions(Environment environment) {
		Duration touchInterval = Binder.get(environment)
			.bind("otos.sessions.touch-interval", Duration.class)
			.orElse(Duration.ofMinutes(1));
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof FindByIndexNameSessionRepository<?> sessions
						&& !(bean instanceof QuietSessionRepository<?>)) {
					return quiet(sessions, touchInterval);
				}
				return bean;
			}

		};
	}

	private static <S extends Session> QuietSessionRepository<S> quiet(FindByIndexNameSessionRepository<S> sessions,
			Duration touchInterval) {
		return new QuietSessionRepository<>(sessions, touchInterval);
	}

}
