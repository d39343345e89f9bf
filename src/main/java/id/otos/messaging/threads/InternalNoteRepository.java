package id.otos.messaging.threads;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface InternalNoteRepository extends JpaRepository<InternalNote, Long> {

	Optional<InternalNote> findByAuthorIdAndSubmissionKey(long authorId, String submissionKey);

}
