package id.otos.messaging.attachments;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredAttachmentRepository extends JpaRepository<StoredAttachment, Long> {

}
