package id.otos.messaging.support;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryCount;
import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application sends (datasource-proxy), so a test can say
 * how many statements a request costs. Import it into a test; {@link #count} counts what
 * runs on the calling thread.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(dataSource).name("counted").countQuery().build();
				}
				return bean;
			}

		};
	}

	/** How many statements the work sent to the database, on this thread. */
	public static long count(ThrowingRunnable work) throws Exception {
		QueryCountHolder.clear();
		work.run();
		QueryCount count = QueryCountHolder.get("counted");
		long total = (count != null) ? count.getTotal() : 0;
		QueryCountHolder.clear();
		return total;
	}

	/** Work that may throw. */
	@FunctionalInterface
	public interface ThrowingRunnable {

		void run() throws Exception;

	}

}
