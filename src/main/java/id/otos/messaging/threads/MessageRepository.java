package id.otos.messaging.threads;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MessageRepository extends JpaRepository<Message, Long> {

	Optional<Message> findBySenderIdAndSubmissionKey(long senderId, String submissionKey);

}
