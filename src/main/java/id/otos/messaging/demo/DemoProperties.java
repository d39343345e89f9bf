package id.otos.messaging.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code otos.demo.*}: whether to create the demo accounts on an empty database
 * ({@code null}: only on the embedded database) and their password ({@code null}: a
 * random one, logged once).
 */
@ConfigurationProperties("otos.demo")
record DemoProperties(Boolean enabled, String password) {

}
