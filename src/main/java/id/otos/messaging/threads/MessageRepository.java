package id.otos.messaging.threads;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MessageRepository extends JpaRepository<Message, Long> {

	/**
	 * The message the sender already sent under the submission key, as ids only (no
	 * message is loaded: this runs before every message posted).
	 * @param senderId the sender
	 * @param submissionKey the form's key
	 * @return the message and its thread, if there is one
	 */
	@Query("select new id.otos.messaging.threads.Submitted(m.id, m.threadId) from Message m"
			+ " where m.senderId = :senderId and m.submissionKey = :submissionKey")
	Optional<Submitted> findSubmitted(long senderId, String submissionKey);

}
