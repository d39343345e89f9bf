package id.otos.messaging.notifications;

import java.sql.DriverManager;
import java.util.Properties;

import javax.sql.DataSource;

import id.otos.messaging.database.DatabaseProduct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chooses the bus by the database the application runs on: PostgreSQL's
 * {@code LISTEN/NOTIFY} (several nodes may share it), else in-process (the embedded
 * database serves one node).
 */
@Configuration(proxyBeanMethods = false)
class EventBusConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EventBusConfiguration.class);

	@Bean
	EventBus eventBus(DataSource dataSource, DataSourceProperties settings, JdbcClient jdbc, LiveDispatch receiver) {
		if (DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL) {
			logger.info("Live updates between app nodes: PostgreSQL LISTEN/NOTIFY on channel {}",
					PostgresEventBus.CHANNEL);
			return new PostgresEventBus(jdbc, () -> {
				Properties properties = new Properties();
				properties.setProperty("user", String.valueOf(settings.determineUsername()));
				if (settings.determinePassword() != null) {
					properties.setProperty("password", settings.determinePassword());
				}
				properties.setProperty("ApplicationName", "otos-live-listener");
				properties.setProperty("tcpKeepAlive", "true");
				return DriverManager.getConnection(settings.determineUrl(), properties);
			}, receiver);
		}
		logger.info("Live updates within this node only (embedded database)");
		return new InProcessEventBus(receiver);
	}

}
