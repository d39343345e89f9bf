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
import id.otos.messaging.categories.Categories;

import org.springframework.stereotype.Component;

/**
 * Who a new thread goes to: an academic question to the teacher the student picked (if
 * they teach the category), else to the least-loaded teacher of the category; anything
 * else to the least-loaded operator, else an admin. Least-loaded is fewest open threads,
 * ties broken in turn (whoever got a new thread longest ago, then the lower id).
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

	Optional<Long> handlerFor(ThreadType type, Long categoryId, Long preferredTeacherId) {
		if (type.isAcademic()) {
			List<Long> activeTeachers = this.accounts.activeIdsWithRole(RoleName.TEACHER);
			List<Long> teachers = this.categories.teacherIds(categoryId)
				.stream()
				.filter(activeTeachers::contains)
				.sorted()
				.toList();
			if (preferredTeacherId != null && teachers.contains(preferredTeacherId)) {
				return Optional.of(preferredTeacherId);
			}
			return leastLoaded(teachers);
		}
		return leastLoaded(this.accounts.activeIdsWithRole(RoleName.OPERATOR))
			.or(() -> leastLoaded(this.accounts.activeIdsWithRole(RoleName.ADMIN)));
	}

	/**
	 * Whether the person may be assigned the thread: a teacher of its category, or staff.
	 */
	boolean mayHandle(long userId, MessageThread thread) {
		if (thread.getType().isAcademic()) {
			return this.accounts.activeIdsWithRole(RoleName.TEACHER).contains(userId)
					&& this.categories.teacherIds(thread.getCategoryId()).contains(userId);
		}
		return this.accounts.activeIdsWithRole(RoleName.OPERATOR).contains(userId)
				|| this.accounts.activeIdsWithRole(RoleName.ADMIN).contains(userId);
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
