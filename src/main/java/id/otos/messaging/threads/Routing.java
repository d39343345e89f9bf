package id.otos.messaging.threads;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.categories.Categories;

import org.springframework.stereotype.Component;

/**
 * Who a thread goes to, so that it is always on some active person's desk: an academic
 * question to the teacher the student picked (if they teach the category), else to the
 * least-loaded active teacher of the category, else (no active teacher) to the
 * least-loaded active operator, else an admin; anything else to the least-loaded
 * operator, else an admin. Least-loaded is fewest open threads, ties broken in turn
 * (whoever got a new thread longest ago, then the lower id).
 */
@Component
class Routing {

	private static final Comparator<HandlerLoad> LEAST_LOADED = Comparator.comparingLong(HandlerLoad::openThreads)
		.thenComparing(HandlerLoad::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
		.thenComparingLong(HandlerLoad::handlerId);

	private final MessageThreadRepository threads;

	private final Accounts accounts;

	private final Categories categories;

	Routing(MessageThreadRepository threads, Accounts accounts, Categories categories) {
		this.threads = threads;
		this.accounts = accounts;
		this.categories = categories;
	}

	/**
	 * Where a new thread goes.
	 * @param type its type
	 * @param categoryId its category (academic threads)
	 * @param preferredTeacherId the teacher the student picked, or {@code null}
	 * @return the handler and why
	 */
	RoutingDecision route(ThreadType type, Long categoryId, Long preferredTeacherId) {
		return route(type.isAcademic(), categoryId, preferredTeacherId);
	}

	/**
	 * Where a new thread goes, by whether it is about a category's subject matter
	 * ({@link MessageThread#isSubjectMatter}).
	 */
	RoutingDecision route(boolean subjectMatter, Long categoryId, Long preferredTeacherId) {
		if (subjectMatter) {
			List<Long> teachers = activeTeachersOf(categoryId);
			if (preferredTeacherId != null && teachers.contains(preferredTeacherId)) {
				return new RoutingDecision(preferredTeacherId, RoutingReason.CHOSEN_BY_STUDENT);
			}
			Optional<Long> teacher = leastLoaded(teachers);
			if (teacher.isPresent()) {
				return new RoutingDecision(teacher.get(), RoutingReason.TEACHER_FEWEST_OPEN);
			}
			return toStaff(RoutingReason.NO_TEACHER_OPERATOR, RoutingReason.NO_TEACHER_ADMIN);
		}
		return toStaff(RoutingReason.OPERATOR_FEWEST_OPEN, RoutingReason.ADMIN_FEWEST_OPEN);
	}

	/** Where the thread goes again, its handler (if any) having left. */
	RoutingDecision reroute(MessageThread thread) {
		return route(thread.isSubjectMatter(), thread.getCategoryId(), null);
	}

	/**
	 * Whether the thread, not closed, is on no active person's desk who may answer it:
	 * its handler is inactive or may no longer hold it, or (unassigned) it waits in the
	 * queue of a category that no active teacher teaches.
	 */
	boolean isStranded(MessageThread thread) {
		if (thread.getStatus() == ThreadStatus.CLOSED) {
			return false;
		}
		if (thread.isAssigned()) {
			return !mayKeep(thread.getHandlerId(), thread);
		}
		return thread.isSubjectMatter() && activeTeachersOf(thread.getCategoryId()).isEmpty();
	}

	/**
	 * Whether the person may be assigned the thread: an active teacher of its category,
	 * or active staff for a non-academic thread.
	 */
	boolean mayHandle(long userId, MessageThread thread) {
		if (thread.isSubjectMatter()) {
			return activeTeachersOf(thread.getCategoryId()).contains(userId);
		}
		return isActiveStaff(userId);
	}

	/**
	 * Whether the person may go on holding a thread: as {@link #mayHandle}, and also
	 * active staff holding an academic thread (where routing put it when its category had
	 * no teacher).
	 */
	private boolean mayKeep(long userId, MessageThread thread) {
		return mayHandle(userId, thread) || isActiveStaff(userId);
	}

	private boolean isActiveStaff(long userId) {
		return this.accounts.find(userId)
			.filter(UserSummary::active)
			.map(UserSummary::role)
			.filter((role) -> role == RoleName.OPERATOR || role == RoleName.ADMIN)
			.isPresent();
	}

	private List<Long> activeTeachersOf(Long categoryId) {
		if (categoryId == null) {
			return List.of();
		}
		List<Long> activeTeachers = this.accounts.activeIdsWithRole(RoleName.TEACHER);
		return this.categories.teacherIds(categoryId).stream().filter(activeTeachers::contains).sorted().toList();
	}

	private RoutingDecision toStaff(RoutingReason toOperator, RoutingReason toAdmin) {
		Optional<Long> operator = leastLoaded(this.accounts.activeIdsWithRole(RoleName.OPERATOR));
		if (operator.isPresent()) {
			return new RoutingDecision(operator.get(), toOperator);
		}
		return leastLoaded(this.accounts.activeIdsWithRole(RoleName.ADMIN))
			.map((admin) -> new RoutingDecision(admin, toAdmin))
			.orElseGet(RoutingDecision::nobody);
	}

	private Optional<Long> leastLoaded(List<Long> candidates) {
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		Map<Long, HandlerLoad> loads = this.threads.loadsOf(candidates)
			.stream()
			.collect(Collectors.toMap(HandlerLoad::handlerId, Function.identity()));
		return candidates.stream()
			.map((id) -> loads.getOrDefault(id, HandlerLoad.idle(id)))
			.min(LEAST_LOADED)
			.map(HandlerLoad::handlerId);
	}

}
