package id.otos.messaging.accounts;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, Long> {

	Optional<User> findByEmail(String email);

	boolean existsByEmail(String email);

	boolean existsByUsername(String username);

	@Query("""
			select u from User u join u.role r
			where r.name = :role
			order by u.firstName, u.lastName, u.id
			""")
	List<User> findByRole(RoleName role);

	@Query("""
			select u.id from User u join u.role r
			where r.name = :role and u.active = true
			order by u.id
			""")
	List<Long> findActiveIdsByRole(RoleName role);

	@Query("""
			select u from User u left join u.role r
			where (:search is null
			       or lower(u.email) like :search
			       or lower(u.username) like :search
			       or lower(concat(u.firstName, ' ', u.lastName)) like :search)
			  and (:role is null or r.name = :role)
			order by u.id
			""")
	Page<User> search(String search, RoleName role, Pageable pageable);

}
