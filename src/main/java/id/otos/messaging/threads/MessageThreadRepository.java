package id.otos.messaging.threads;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface MessageThreadRepository extends JpaRepository<MessageThread, Long> {

	/**
	 * The thread, locked until the transaction ends: writers to one thread take turns.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from MessageThread t where t.id = :id")
	Optional<MessageThread> findForUpdate(long id);

	/**
	 * The students who have opened a thread in the category: threads they started
	 * themselves (staff-started conversations and broadcasts do not count; a row written
	 * by Django has no starter, and there only students open threads other than
	 * information).
	 */
	@Query("""
			select distinct t.studentId from MessageThread t
			where t.categoryId = :categoryId
			  and (t.createdById = t.studentId
			       or (t.createdById is null and t.type <> id.otos.messaging.threads.ThreadType.INFO))
			""")
	List<Long> studentsWhoAskedAbout(long categoryId);

	/**
	 * Per handler: how many of their threads are still open or pending, and their latest
	 * assignment.
	 */
	@Query("""
			select new id.otos.messaging.threads.HandlerLoad(t.handlerId,
			       sum(case when t.status in (id.otos.messaging.threads.ThreadStatus.OPEN,
			                                  id.otos.messaging.threads.ThreadStatus.PENDING) then 1 else 0 end),
			       max(t.createdAt))
			from MessageThread t
			where t.handlerId in :handlerIds
			group by t.handlerId
			""")
	List<HandlerLoad> loadsOf(Collection<Long> handlerIds);

	/**
	 * The threads the student opened themselves (not those opened for them, such as
	 * broadcasts) since the time.
	 */
	@Query("""
			select new id.otos.messaging.threads.RecentThreads(count(t), min(t.createdAt))
			from MessageThread t
			where t.studentId = :studentId and t.createdById = :studentId and t.createdAt >= :since
			""")
	RecentThreads openedBySince(long studentId, Instant since);

	/**
	 * The threads not closed that the person holds, and the unassigned academic ones not
	 * closed (waiting in a category's queue): those whose desk may have gone when the
	 * person's account changed.
	 */
	@Query("""
			select t.id from MessageThread t
			where t.status <> id.otos.messaging.threads.ThreadStatus.CLOSED
			  and (t.handlerId = :userId
			       or (t.handlerId is null and (t.type = id.otos.messaging.threads.ThreadType.ACADEMIC or t.questionId is not null)))
			order by t.id
			""")
	List<Long> mayHaveLostTheirDesk(long userId);

	/**
	 * Who answers the open reports about a question (the most recent report first): a new
	 * report goes to them, if they still teach its category.
	 */
	@Query("""
			select t.handlerId from MessageThread t
			where t.questionId = :questionId and t.handlerId is not null
			  and t.status in (id.otos.messaging.threads.ThreadStatus.OPEN, id.otos.messaging.threads.ThreadStatus.PENDING)
			order by t.createdAt desc, t.id desc
			""")
	List<Long> handlerOfOpenReportsAbout(long questionId);

}
