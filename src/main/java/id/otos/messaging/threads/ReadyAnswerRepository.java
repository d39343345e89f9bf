package id.otos.messaging.threads;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReadyAnswerRepository extends JpaRepository<ReadyAnswer, Long> {

	/** The person's own ready answers and the shared ones, shared first, by title. */
	@Query("""
			select a from ReadyAnswer a
			where a.ownerId = :ownerId or a.ownerId is null
			order by case when a.ownerId is null then 0 else 1 end, lower(a.title), a.id
			""")
	List<ReadyAnswer> usableBy(long ownerId);

}
