package id.otos.messaging.schema;

import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The part of the application the {@code db} command needs: the datasource and Flyway,
 * configured from the application's own settings ({@code application.properties},
 * {@code SPRING_DATASOURCE_URL} and the like, command-line arguments) and
 * {@link SchemaConfiguration}, and nothing else: no web server, no Hibernate, no start-up
 * work such as the demo data, no migration on start, and only warnings in the log, so
 * that the command's own output reads well.
 */
final class DbMode {

	private static final Map<String, Object> SETTINGS = Map.of("otos.schema.migrate-on-start", "false",
			"logging.level.root", "WARN", "logging.level.org.springframework.boot.SpringApplication", "OFF",
			"logging.level.org.flywaydb.core.internal.database.base.Database", "ERROR");

	private DbMode() {
	}

	static ConfigurableApplicationContext start(Class<?> application, String[] args) {
		SpringApplication app = new SpringApplicationBuilder(Components.class).main(application)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.build();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("dbCommand", SETTINGS));
		app.setEnvironment(environment);
		return app.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
	@Import(SchemaConfiguration.class)
	@EnableConfigurationProperties(SchemaProperties.class)
	static class Components {

	}

}
