package id.otos.messaging.threads.web;

class BroadcastFormH2Tests extends BroadcastFormChecks {

	@Override
	String blockedSessionsQuery() {
		return "select count(*) from information_schema.sessions"
				+ " where lower(executing_statement) like 'insert into otos%'";
	}

}
