package id.otos.messaging.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import id.otos.messaging.accounts.AccountFixtures;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.RoleName;

import id.otos.messaging.web.QuietSessionRepository.QuietSession;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

class QuietSessionRepositoryTests {

	private final CountingRepository stored = new CountingRepository();

	private final QuietSessionRepository<MapSession> sessions = new QuietSessionRepository<>(this.stored,
			Duration.ofMinutes(1));

	private final QuietSessionRepository<MapSession> keeping = new QuietSessionRepository<>(this.stored,
			Duration.ofMinutes(1), new KeptSessions(100, Duration.ofSeconds(10)));

	private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

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

	@Test
	void aLoggedInSessionIsKeptSoTheNextRequestReadsNothing() {
		String id = loggedInSession(7);
		this.keeping.findById(id);
		this.keeping.requestEnded();

		QuietSession<MapSession> next = this.keeping.findById(id);

		assertThat(this.stored.finds).isOne();
		assertThat(personIn(next)).isEqualTo(7);
	}

	@Test
	void eachRequestGetsACopyOfItsOwn() {
		String id = loggedInSession(7);
		this.keeping.findById(id);
		this.keeping.requestEnded();
		QuietSession<MapSession> first = this.keeping.findById(id);
		this.keeping.requestEnded();
		QuietSession<MapSession> second = this.keeping.findById(id);
		SecurityContext context = first.getAttribute(CONTEXT);

		context.setAuthentication(null);
		first.setLastAccessedTime(first.getLastAccessedTime().plusSeconds(5));

		assertThat(personIn(second)).isEqualTo(7);
		assertThat(second.getLastAccessedTime()).isNotEqualTo(first.getLastAccessedTime());
	}

	@Test
	void aChangeToAKeptSessionIsMadeToTheStoredOneAndForgetsTheCopy() {
		String id = loggedInSession(7);
		this.keeping.findById(id);
		this.keeping.requestEnded();
		QuietSession<MapSession> kept = this.keeping.findById(id);

		kept.setAttribute("flash", new ArrayList<>(List.of("Terkirim")));
		this.keeping.save(kept);
		this.keeping.requestEnded();

		assertThat(this.stored.saves).isOne();
		assertThat(this.stored.findById(id).<List<String>>getAttribute("flash")).containsExactly("Terkirim");
		assertThat(this.keeping.kept().size()).as("not kept while it holds a flash message").isZero();
		assertThat(this.keeping.findById(id).<List<String>>getAttribute("flash")).containsExactly("Terkirim");
	}

	@Test
	void aSessionOfSomebodyWhoLoggedOutElsewhereIsReadAgain() {
		String id = loggedInSession(7);
		String other = loggedInSession(8);
		this.keeping.findById(id);
		this.keeping.requestEnded();
		this.keeping.findById(other);
		this.keeping.requestEnded();
		this.stored.deleteById(id);

		this.keeping.kept().forgetSessionsOf(7);

		assertThat(this.keeping.findById(id)).isNull();
		this.keeping.requestEnded();
		assertThat(this.keeping.kept().size()).as("the other person's session stays kept").isOne();
	}

	@Test
	void anExpiredKeptSessionIsNotUsed() {
		String id = loggedInSession(7);
		MapSession stored = this.stored.findById(id);
		stored.setMaxInactiveInterval(Duration.ofSeconds(1));
		stored.setLastAccessedTime(Instant.now().minusSeconds(2));
		this.stored.save(stored);
		this.keeping.kept().keep(stored);

		assertThat(this.keeping.findById(id)).isNull();
	}

	private String loggedInSession(long personId) {
		MapSession session = this.stored.createSession();
		session.setAttribute(CONTEXT, new SecurityContextImpl(UsernamePasswordAuthenticationToken
			.authenticated(AccountFixtures.loggedIn(personId, RoleName.STUDENT), null, List.of())));
		this.stored.save(session);
		this.stored.saves = 0;
		this.stored.finds = 0;
		return session.getId();
	}

	private static long personIn(QuietSession<MapSession> session) {
		SecurityContext context = session.getAttribute(CONTEXT);
		return ((CurrentUser) context.getAuthentication().getPrincipal()).id();
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
