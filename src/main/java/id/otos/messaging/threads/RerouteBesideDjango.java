package id.otos.messaging.threads;

import id.otos.messaging.accounts.AccountHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Beside Django, people are deactivated, given other roles and taken off categories in
 * otos, which tells this application nothing: every
 * {@code otos.messages.reroute-interval} (60 s) the threads this left on nobody's desk go
 * back through routing ({@link Rerouting#rerouteStranded}). One statement over the
 * threads not closed when nothing is stranded. With accounts of our own every such change
 * reroutes at once, so this does not run.
 */
@Component
class RerouteBesideDjango {

	private static final Logger logger = LoggerFactory.getLogger(RerouteBesideDjango.class);

	private final Rerouting rerouting;

	private final AccountHome home;

	RerouteBesideDjango(Rerouting rerouting, AccountHome home) {
		this.rerouting = rerouting;
		this.home = home;
	}

	@Scheduled(fixedDelayString = "${otos.messages.reroute-interval:60s}",
			initialDelayString = "${otos.messages.reroute-interval:60s}")
	void rerouteStranded() {
		if (!this.home.isOtos()) {
			return;
		}
		int moved = this.rerouting.rerouteStranded();
		if (moved > 0) {
			logger.info("Moved {} threads whose handler left (or whose category lost its teachers) in otos", moved);
		}
	}

}
