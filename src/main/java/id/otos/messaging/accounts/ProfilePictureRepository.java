package id.otos.messaging.accounts;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProfilePictureRepository extends JpaRepository<ProfilePicture, Long> {

}
