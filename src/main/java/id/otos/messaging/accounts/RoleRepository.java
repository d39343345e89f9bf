package id.otos.messaging.accounts;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RoleRepository extends JpaRepository<Role, Long> {

	Optional<Role> findByName(RoleName name);

	/**
	 * Reads the role's row and locks it until the transaction ends. Every change that
	 * could leave the platform without an active admin locks the Admin row first, so two
	 * such changes never both count the same admins (one waits for the other and then
	 * counts again).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Role r where r.name = :name")
	Optional<Role> lockByName(RoleName name);

}
