package id.otos.messaging.notifications;

import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.util.Properties;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

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
		if (isPostgres(dataSource)) {
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

	private static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return "PostgreSQL".equalsIgnoreCase(product);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Could not tell which database the application runs on", ex);
		}
	}

}
