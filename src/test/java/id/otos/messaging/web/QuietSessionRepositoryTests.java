package id.otos.messaging.web;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;

import id.otos.messaging.web.QuietSessionRepository.QuietSession;
import org.junit.jupiter.api.Test;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

class QuietSessionRepositoryTests {

	private final CountingRepository stored = new CountingRepository();

	private final QuietSessionRepository<MapSession> sessions = new QuietSessionRepository<>(this.stored,
			Duration.ofMinutes(1));

	@Test
	void aNewSessionIsSaved() {
		QuietSession<MapSession> session = this.sessions.createSession();
		this.sessions.save(session);

		assertThat(this.stored.saves).isOne();
		assertThat(this.sessions.findById(session.getId())).isNotNull();
	}

	@Test
	void aRequestThatOnlyTouchesTheSessionWithinTheIntervalWritesNothing() {
		String id = savedSession(Instant.now());
		QuietSession<MapSession> session = this.sessions.findById(id);
		session.setLastAccessedTime(Instant.now().plusSeconds(30));
		this.sessions.save(session);

		assertThat(this.stored.saves).isZero();
	}

	@Test
	void theAccessTimeIsWrittenOnceTheStoredOneIsOlderThanTheInterval() {
		Instant loggedIn = Instant.now();
		String id = savedSession(loggedIn);
		QuietSession<MapSession> session = this.sessions.findById(id);
		session.setLastAccessedTime(loggedIn.plusSeconds(61));
		this.sessions.save(session);

		assertThat(this.stored.saves).isOne();
		assertThat(this.stored.findById(id).getLastAccessedTime()).isEqualTo(loggedIn.plusSeconds(61));
	}

	@Test
	void anyChangeIsWrittenAtOnce() {
		String id = savedSession(Instant.now());
		QuietSession<MapSession> changedAttribute = this.sessions.findById(id);
		changedAttribute.setAttribute("csrf", "token");
		this.sessions.save(changedAttribute);
		QuietSession<MapSession> removedAttribute = this.sessions.findById(id);
		removedAttribute.removeAttribute("csrf");
		this.sessions.save(removedAttribute);
		QuietSession<MapSession> newTimeout = this.sessions.findById(id);
		newTimeout.setMaxInactiveInterval(Duration.ofHours(1));
		this.sessions.save(newTimeout);

		assertThat(this.stored.saves).isEqualTo(3);
		assertThat(this.stored.findById(id).getAttributeNames()).isEmpty();
		assertThat(this.stored.findById(id).getMaxInactiveInterval()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aNewIdIsWrittenAtOnce() {
		String id = savedSession(Instant.now());
		QuietSession<MapSession> session = this.sessions.findById(id);
		String newId = session.changeSessionId();
		this.sessions.save(session);

		assertThat(this.stored.saves).isOne();
		assertThat(this.sessions.findById(newId)).isNotNull();
		assertThat(this.sessions.findById(id)).isNull();
	}

	@Test
	void savingTwiceInOneRequestWritesOnce() {
		String id = savedSession(Instant.now());
		QuietSession<MapSession> session = this.sessions.findById(id);
		session.setAttribute("csrf", "token");
		this.sessions.save(session);
		this.sessions.save(session);

		assertThat(this.stored.saves).isOne();
	}

	@Test
	void loggingOutDeletesTheStoredSession() {
		String id = savedSession(Instant.now());
		this.sessions.findById(id);
		this.sessions.deleteById(id);

		assertThat(this.sessions.findById(id)).isNull();
	}

	@Test
	void aRequestReadsItsSessionOnce() {
		String id = savedSession(Instant.now());
		QuietSession<MapSession> first = this.sessions.findById(id);

		assertThat(this.sessions.findById(id)).isSameAs(first);
		assertThat(this.stored.finds).isOne();
	}

	@Test
	void theNextRequestReadsItAfresh() {
		String id = savedSession(Instant.now());
		QuietSession<MapSession> first = this.sessions.findById(id);
		this.sessions.requestEnded();

		assertThat(this.sessions.findById(id)).isNotSameAs(first);
		assertThat(this.stored.finds).isEqualTo(2);
	}

	private String savedSession(Instant lastAccess) {
		MapSession session = this.stored.createSession();
		session.setLastAccessedTime(lastAccess);
		this.stored.save(session);
		this.stored.saves = 0;
		return session.getId();
	}

	static class CountingRepository extends MapSessionRepository
			implements FindByIndexNameSessionRepository<MapSession> {

		int saves;

		int finds;

		CountingRepository() {
			super(new HashMap<>());
		}

		@Override
		public MapSession findById(String id) {
			this.finds++;
			return super.findById(id);
		}

		@Override
		public void save(MapSession session) {
			this.saves++;
			super.save(session);
		}

		@Override
		public java.util.Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return java.util.Map.of();
		}

	}

}
