package id.otos.messaging.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a {@code @SpringBootTest} against a fresh database on the embedded PostgreSQL
 * server, migrated by Flyway like production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface PostgresTest {

}
