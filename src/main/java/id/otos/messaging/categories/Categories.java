package id.otos.messaging.categories;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subject categories and the teachers assigned to them.
 */
@Service
public class Categories {

	private final CategoryRepository categories;

	private final Clock clock;

	Categories(CategoryRepository categories, Clock clock) {
		this.categories = categories;
		this.clock = clock;
	}

	@Transactional
	public long create(String name) {
		String trimmed = name.trim();
		if (this.categories.findByNameIgnoreCase(trimmed).isPresent()) {
			throw new CategoryException("category.error.name-taken");
		}
		return this.categories.save(new Category(trimmed, this.clock.instant())).getId();
	}

	@Transactional
	public void assignTeacher(long categoryId, long teacherId) {
		category(categoryId).assignTeacher(teacherId);
	}

	@Transactional
	public void unassignTeacher(long categoryId, long teacherId) {
		category(categoryId).unassignTeacher(teacherId);
	}

	@Transactional(readOnly = true)
	public List<CategoryView> all() {
		return this.categories.findAllWithTeachers().stream().map(CategoryView::of).toList();
	}

	@Transactional(readOnly = true)
	public Optional<CategoryView> find(long id) {
		return this.categories.findById(id).map(CategoryView::of);
	}

	/** The categories the user teaches. */
	@Transactional(readOnly = true)
	public Set<Long> taughtBy(long userId) {
		return Set.copyOf(this.categories.findIdsTaughtBy(userId));
	}

	/** The teachers of the category, or none if there is no such category. */
	@Transactional(readOnly = true)
	public Set<Long> teacherIds(long categoryId) {
		return this.categories.findById(categoryId).map(Category::teacherIds).orElse(Set.of());
	}

	private Category category(long id) {
		return this.categories.findById(id).orElseThrow(() -> new CategoryException("category.error.not-found"));
	}

}
