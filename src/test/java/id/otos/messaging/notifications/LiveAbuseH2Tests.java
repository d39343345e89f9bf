package id.otos.messaging.notifications;

/**
 * The live updates' abuse checks on the embedded database: 2,000 streams from one
 * session.
 */
class LiveAbuseH2Tests extends LiveAbuseChecks {

	@Override
	int floodSize() {
		return 2000;
	}

}
