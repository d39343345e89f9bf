package id.otos.messaging.schema;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code otos.schema.*}: whether the application checks and migrates the database when it
 * starts (always, except under the {@code db} command, which does that itself).
 */
@ConfigurationProperties("otos.schema")
record SchemaProperties(@DefaultValue("true") boolean migrateOnStart) {

}
