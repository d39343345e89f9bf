package id.otos.messaging.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, Long> {

	Optional<User> findByEmail(String email);

	boolean existsByEmail(String email);

	boolean existsByUsernameIgnoreCase(String username);

	@Query("select count(u) > 0 from User u where lower(u.username) = lower(:username) and u.id <> :exceptId")
	boolean existsOtherWithUsername(String username, long exceptId);

	@Query("select count(u) > 0 from User u where u.email = :email and u.id <> :exceptId")
	boolean existsOtherWithEmail(String email, long exceptId);

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
			select u from User u
			where u.id in :ids
			order by u.firstName, u.lastName, u.id
			""")
	List<User> findAllByIds(Collection<Long> ids);

	@Query("select count(u) from User u join u.role r where r.name = :role and u.active = true")
	long countActiveWithRole(RoleName role);

	@Query("select u.profilePicture from User u where u.id = :id")
	Optional<String> findProfilePictureName(long id);

	/**
	 * One page of the admin's user list. {@code pattern} is a lower-case LIKE pattern
	 * with {@code !} as the escape character, or {@code null} for everybody; {@code role}
	 * is {@code null} for every role.
	 */
	@Query(value = """
			select new id.otos.messaging.accounts.UserRow(
			    u.id, u.email, u.username, u.firstName, u.lastName, r.name, u.active, u.lastLogin)
			from User u left join u.role r
			where (:pattern is null
			       or lower(u.email) like :pattern escape '!'
			       or lower(u.username) like :pattern escape '!'
			       or lower(concat(u.firstName, ' ', u.lastName)) like :pattern escape '!')
			  and (:role is null or r.name = :role)
			order by lower(u.firstName), lower(u.lastName), u.id
			""", countQuery = """
			select count(u)
			from User u left join u.role r
			where (:pattern is null
			       or lower(u.email) like :pattern escape '!'
			       or lower(u.username) like :pattern escape '!'
			       or lower(concat(u.firstName, ' ', u.lastName)) like :pattern escape '!')
			  and (:role is null or r.name = :role)
			""")
	Page<UserRow> search(String pattern, RoleName role, Pageable pageable);

}
