package id.otos.messaging.notifications;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Gives the test server's sockets a send buffer of a few kilobytes, as a client far away
 * on a slow network effectively has. On the loopback interface the kernel grows a send
 * buffer to megabytes, so a reader that never reads would stall only after tens of
 * thousands of events; with this it stalls after a hundred or so. Nothing else about the
 * server changes.
 */
@TestConfiguration(proxyBeanMethods = false)
class SmallSocketBuffers {

	/** Bytes; the kernel doubles it. */
	static final int SEND_BUFFER = 4096;

	@Bean
	TomcatConnectorCustomizer smallSendBuffers() {
		return (connector) -> connector.setProperty("socket.txBufSize", Integer.toString(SEND_BUFFER));
	}

}
