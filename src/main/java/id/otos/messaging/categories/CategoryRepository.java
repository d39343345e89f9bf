package id.otos.messaging.categories;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CategoryRepository extends JpaRepository<Category, Long> {

	@Query("select distinct c from Category c left join fetch c.teachers order by c.name")
	List<Category> findAllWithTeachers();

	@Query("select c from Category c left join fetch c.teachers where c.id = :id")
	Optional<Category> findWithTeachers(long id);

	Optional<Category> findByNameIgnoreCase(String name);

	@Query("select t.category.id from CategoryTeacher t where t.userId = :userId")
	List<Long> findIdsTaughtBy(long userId);

	@Query("""
			select c from Category c left join fetch c.teachers
			where c.id in (select t.category.id from CategoryTeacher t where t.userId = :userId)
			""")
	List<Category> findTaughtBy(long userId);

}
