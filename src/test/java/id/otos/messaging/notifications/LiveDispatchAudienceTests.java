package id.otos.messaging.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.DjangoSessions;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.notifications.FakeStreams.Connection;
import id.otos.messaging.threads.MessageThread;
import id.otos.messaging.threads.ThreadPages;
import id.otos.messaging.threads.UnreadCounts;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.longThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A signal costs what its audience costs: with many students connected, only the thread's
 * student and the connected people who may open others' threads have their accounts
 * looked at (issue 15: with 2,000 streams open, reading every connected account for each
 * signal made signals arrive tens of seconds late).
 */
class LiveDispatchAudienceTests {

	static final long THREAD = 5;

	static final long STUDENT = 7;

	static final long OPERATOR = 2;

	static final long TEACHER = 3;

	final FakeStreams fake = new FakeStreams(LiveProperties.defaults());

	final Accounts accounts = mock(Accounts.class);

	final ThreadPages threads = mock(ThreadPages.class);

	final Viewers viewers = mock(Viewers.class);

	final LiveDispatch dispatch = new LiveDispatch(this.fake.clients(), this.threads, this.accounts, this.viewers,
			mock(UnreadCounts.class), mock(StreamSessions.class), mock(DjangoSessions.class),
			mock(ApplicationEventPublisher.class));

	@AfterEach
	void stop() {
		this.dispatch.destroy();
		this.fake.clients().stop();
	}

	@Test
	void onlyTheThreadsStudentAndStaffAreLookedAtAndTold() throws Exception {
		MessageThread thread = mock(MessageThread.class);
		when(thread.getStudentId()).thenReturn(STUDENT);
		when(this.threads.find(THREAD)).thenReturn(Optional.of(thread));
		when(this.viewers.of(anyLong(), any(RoleName.class)))
			.thenAnswer((call) -> new Viewer(call.getArgument(0), call.getArgument(1), Set.of()));
		person(STUDENT, RoleName.STUDENT);
		person(OPERATOR, RoleName.OPERATOR);
		person(TEACHER, RoleName.TEACHER);
		when(this.accounts.activeIdsWithRole(RoleName.OPERATOR)).thenReturn(List.of(OPERATOR, 4L));
		when(this.accounts.activeIdsWithRole(RoleName.TEACHER)).thenReturn(List.of(TEACHER));
		Connection student = this.fake.open(STUDENT, "s-student");
		Connection operator = this.fake.open(OPERATOR, "s-operator");
		Connection teacher = this.fake.open(TEACHER, "s-teacher");
		List<Connection> others = new ArrayList<>();
		for (long other = 100; other < 140; other++) {
			person(other, RoleName.STUDENT);
			others.add(this.fake.open(other, "s-" + other));
		}

		this.dispatch.received(ThreadSignal.messagePosted(THREAD, 9, STUDENT));

		long deadline = System.nanoTime() + 5_000_000_000L;
		while (operator.events().size() < 2 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		verify(this.accounts, never()).findAll(any());
		verify(this.accounts, never()).currentUser(longThat((id) -> id >= 100));
		assertThat(student.events()).as("the thread's student").hasSize(2).last().asString().startsWith("thread ");
		assertThat(operator.events()).as("an operator, who may open it").hasSize(2);
		assertThat(teacher.events()).as("a teacher, who may not open a thread outside their subjects")
			.containsExactly("hello 1 {}");
		for (Connection other : others) {
			assertThat(other.events()).as("another student").containsExactly("hello 1 {}");
		}
	}

	private void person(long id, RoleName role) {
		CurrentUser user = mock(CurrentUser.class);
		when(user.isEnabled()).thenReturn(true);
		when(user.role()).thenReturn(role);
		when(this.accounts.currentUser(id)).thenReturn(Optional.of(user));
	}

}
