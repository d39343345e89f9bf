package id.otos.messaging.threads;

import java.time.Clock;
import java.util.List;

import id.otos.messaging.accounts.AccountChanged;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.threads.ThreadEvents.ThreadChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps every thread that is not closed on some active person's desk. When a person's
 * account changes (deactivated, another role, removed from a category: each publishes
 * {@link AccountChanged}), the threads they held and the unassigned academic threads that
 * may have lost their last teacher go back through {@link Routing}, one by one
 * (least-loaded, in turn), each move audited with its reason and announced, so the new
 * handler's desk, unread count and open pages learn of it. The workflow's own moves
 * (unassigning, reopening) ask {@link #keepOnADesk} too. The other way round, a category
 * that gets an active teacher again takes back the questions routing had given to
 * operators or admins for want of one.
 *
 * <p>
 * It runs just before the change commits, in its transaction: the account and the threads
 * change together or not at all, and it sees the change's final state however many events
 * the change published (a second run finds nothing left to move).
 */
@Component
class Rerouting {

	private final MessageThreadRepository threads;

	private final Routing routing;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JdbcClient jdbc;

	Rerouting(MessageThreadRepository threads, Routing routing, ApplicationEventPublisher events, Clock clock,
			JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.threads = threads;
		this.routing = routing;
		this.events = events;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountChanged event) {
		for (long threadId : this.threads.mayHaveLostTheirDesk(event.userId())) {
			this.threads.findForUpdate(threadId).ifPresent((thread) -> keepOnADesk(thread, event.userId()));
		}
		for (long threadId : waitingForATeacher(event.userId())) {
			this.threads.findForUpdate(threadId).ifPresent((thread) -> handToATeacher(thread, event.userId()));
		}
	}

	/**
	 * The questions routing gave to operators or admins because their category had no
	 * active teacher, still with them and not closed, now that the category has one
	 * ({@code teacherId}, or anyone): they go to its teachers, least-loaded in turn. A
	 * question someone has since given to a person on purpose (the last change of its
	 * handler was not routing's "no teacher" decision) stays where it is.
	 * @param teacherId the teacher who may have just arrived, or null for any
	 * @return the ids of the threads to hand over
	 */
	private List<Long> waitingForATeacher(Long teacherId) {
		return this.jdbc.sql("""
				select t.id from otosapp_messagethread t
				where t.status in ('open', 'pending') and (t.thread_type = 'academic' or t.question_id is not null)
				  and t.teacher_or_admin_id is not null
				  and exists (select 1 from otosapp_category_teachers ct
				              join otosapp_user tu on tu.id = ct.user_id
				              join otosapp_role tr on tr.id = tu.role_id
				              where ct.category_id = t.category_id and tu.is_active and tr.role_name = :teacher
				                %s)
				  and not exists (select 1 from otosapp_category_teachers held
				                  where held.category_id = t.category_id and held.user_id = t.teacher_or_admin_id)
				  and (select a.note from otos_thread_audit a
				       where a.thread_id = t.id and a.action in ('routed', 'rerouted', 'assignment')
				       order by a.id desc fetch first 1 rows only) in (:noTeacher)
				order by t.id
				""".formatted((teacherId != null) ? "and ct.user_id = :arrived" : ""))
			.param("teacher", RoleName.TEACHER.storedName())
			.param("arrived", (teacherId != null) ? teacherId : -1L)
			.param("noTeacher",
					List.of(RoutingReason.NO_TEACHER_OPERATOR.code(), RoutingReason.NO_TEACHER_ADMIN.code()))
			.query(Long.class)
			.list();
	}

	/**
	 * Sends a question that waited with operators or admins for want of a teacher to its
	 * category's teachers, audited like every move of routing.
	 */
	private boolean handToATeacher(MessageThread thread, long causedBy) {
		RoutingDecision decision = this.routing.reroute(thread);
		if (decision.reason() != RoutingReason.TEACHER_FEWEST_OPEN) {
			return false;
		}
		return moved(thread, thread.rerouted(decision, this.clock.instant()), causedBy);
	}

	/**
	 * Sends every stranded thread back through routing: for changes this application
	 * hears nothing of (beside Django, who deactivates people, changes their roles and
	 * who teaches what). A statement narrows the threads to look at; {@link Routing}
	 * decides, as for every other move.
	 * @return how many threads moved
	 */
	@Transactional
	public int rerouteStranded() {
		List<Long> candidates = this.jdbc
			.sql("""
					select t.id from otosapp_messagethread t
					left join otosapp_user u on u.id = t.teacher_or_admin_id
					left join otosapp_role r on r.id = u.role_id
					where t.status <> 'closed'
					  and ((t.teacher_or_admin_id is null and (t.thread_type = 'academic' or t.question_id is not null)
					        and not exists (select 1 from otosapp_category_teachers ct
					                        join otosapp_user tu on tu.id = ct.user_id
					                        join otosapp_role tr on tr.id = tu.role_id
					                        where ct.category_id = t.category_id and tu.is_active and tr.role_name = :teacher))
					       or (t.teacher_or_admin_id is not null
					           and (not u.is_active or r.role_name is null or r.role_name not in (:handlers)
					                or (r.role_name = :teacher
					                    and ((t.thread_type <> 'academic' and t.question_id is null)
					                         or not exists (select 1 from otosapp_category_teachers ct
					                                        where ct.category_id = t.category_id and ct.user_id = u.id))))))
					order by t.id
					""")
			.param("teacher", RoleName.TEACHER.storedName())
			.param("handlers",
					List.of(RoleName.TEACHER.storedName(), RoleName.OPERATOR.storedName(), RoleName.ADMIN.storedName()))
			.query(Long.class)
			.list();
		int moved = 0;
		for (long threadId : candidates) {
			MessageThread thread = this.threads.findForUpdate(threadId).orElse(null);
			if (thread != null && keepOnADesk(thread, 0)) {
				moved++;
			}
		}
		for (long threadId : waitingForATeacher(null)) {
			MessageThread thread = this.threads.findForUpdate(threadId).orElse(null);
			if (thread != null && handToATeacher(thread, 0)) {
				moved++;
			}
		}
		return moved;
	}

	/**
	 * Sends the thread back through routing if it is on no active person's desk who may
	 * answer it.
	 * @param thread the thread, locked
	 * @param causedBy who (or whose account change) caused the move, told with the change
	 * @return whether it moved
	 */
	boolean keepOnADesk(MessageThread thread, long causedBy) {
		if (!this.routing.isStranded(thread)) {
			return false;
		}
		return moved(thread, thread.rerouted(this.routing.reroute(thread), this.clock.instant()), causedBy);
	}

	private boolean moved(MessageThread thread, boolean moved, long causedBy) {
		if (moved) {
			// the next thread's least-loaded choice counts this move
			this.threads.flush();
			this.events.publishEvent(new ThreadChanged(thread.getId(), causedBy, thread.getStudentId()));
		}
		return moved;
	}

}
