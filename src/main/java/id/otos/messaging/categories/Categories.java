package id.otos.messaging.categories;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import id.otos.messaging.accounts.AccountChanged;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserRoleChanged;
import id.otos.messaging.text.OneLine;
import id.otos.messaging.accounts.UserSummary;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subject categories and the teachers assigned to them. Only active people with the
 * Teacher role can be assigned, and someone who stops being a teacher leaves all their
 * categories.
 */
@Service
public class Categories {

	static final int MAX_NAME_LENGTH = 100;

	private final CategoryRepository categories;

	private final Accounts accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Categories(CategoryRepository categories, Accounts accounts, Clock clock, ApplicationEventPublisher events) {
		this.categories = categories;
		this.accounts = accounts;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Creates a category; names are unique whatever their case.
	 * @param name the name
	 * @return the new category's id
	 */
	@Transactional
	public long create(String name) {
		String checked = checkedName(name, null);
		return this.categories.save(new Category(checked, null, this.clock.instant())).getId();
	}

	@Transactional
	public void rename(long categoryId, String name) {
		Category category = category(categoryId);
		category.rename(checkedName(name, categoryId));
	}

	/**
	 * Assigns a teacher to the category; assigning them again changes nothing.
	 * @param categoryId the category
	 * @param teacherId the person, who must be an active teacher
	 */
	@Transactional
	public void assignTeacher(long categoryId, long teacherId) {
		Category category = category(categoryId);
		UserSummary teacher = this.accounts.find(teacherId)
			.orElseThrow(() -> new CategoryException("teacherId", "category.error.not-a-teacher"));
		if (teacher.role() != RoleName.TEACHER) {
			throw new CategoryException("teacherId", "category.error.not-a-teacher");
		}
		if (!teacher.active()) {
			throw new CategoryException("teacherId", "category.error.teacher-inactive");
		}
		category.assignTeacher(teacherId);
		this.events.publishEvent(new AccountChanged(teacherId));
	}

	@Transactional
	public void unassignTeacher(long categoryId, long teacherId) {
		category(categoryId).unassignTeacher(teacherId);
		this.events.publishEvent(new AccountChanged(teacherId));
	}

	@Transactional(readOnly = true)
	public List<CategoryView> all() {
		return this.categories.findAllWithTeachers().stream().map(CategoryView::of).toList();
	}

	@Transactional(readOnly = true)
	public Optional<CategoryView> find(long id) {
		return this.categories.findById(id).map(CategoryView::of);
	}

	/**
	 * The categories the user teaches. A change to them counts as a change to the
	 * teacher's account ({@link AccountChanged}), for whoever keeps them.
	 */
	@Transactional(readOnly = true)
	public Set<Long> taughtBy(long userId) {
		return Set.copyOf(this.categories.findIdsTaughtBy(userId));
	}

	/** The teachers of the category, or none if there is no such category. */
	@Transactional(readOnly = true)
	public Set<Long> teacherIds(long categoryId) {
		return this.categories.findById(categoryId).map(Category::teacherIds).orElse(Set.of());
	}

	/** Every category with its teachers, ordered by name: two queries in all. */
	@Transactional(readOnly = true)
	public List<CategoryWithTeachers> allWithTeachers() {
		List<Category> all = this.categories.findAllWithTeachers();
		List<UserSummary> teachers = people(
				all.stream().flatMap((category) -> category.teacherIds().stream()).collect(Collectors.toSet()));
		return all.stream().map((category) -> withTeachers(category, teachers)).toList();
	}

	@Transactional(readOnly = true)
	public Optional<CategoryWithTeachers> findWithTeachers(long id) {
		return this.categories.findWithTeachers(id)
			.map((category) -> withTeachers(category, people(category.teacherIds())));
	}

	/** The active teachers who could still be assigned to the category, by name. */
	@Transactional(readOnly = true)
	public List<UserSummary> assignableTeachers(long categoryId) {
		Set<Long> assigned = category(categoryId).teacherIds();
		return this.accounts.withRole(RoleName.TEACHER)
			.stream()
			.filter((teacher) -> teacher.active() && !assigned.contains(teacher.id()))
			.toList();
	}

	/**
	 * Keeps "only teachers teach" true: whoever stops being a teacher leaves their
	 * categories, in the same transaction as the role change.
	 */
	@EventListener
	void onRoleChanged(UserRoleChanged event) {
		if (event.from() == RoleName.TEACHER && event.to() != RoleName.TEACHER) {
			this.categories.findTaughtBy(event.userId())
				.forEach((category) -> category.unassignTeacher(event.userId()));
			this.events.publishEvent(new AccountChanged(event.userId()));
		}
	}

	private String checkedName(String name, Long exceptId) {
		String trimmed = (name != null) ? OneLine.of(name) : "";
		if (trimmed.isEmpty()) {
			throw new CategoryException("name", "validation.required");
		}
		if (trimmed.length() > MAX_NAME_LENGTH) {
			throw new CategoryException("name", "category.error.name-too-long");
		}
		this.categories.findByNameIgnoreCase(trimmed)
			.filter((existing) -> !existing.getId().equals(exceptId))
			.ifPresent((existing) -> {
				throw new CategoryException("name", "category.error.name-taken");
			});
		return trimmed;
	}

	/** The people with these ids, ordered by name. */
	private List<UserSummary> people(Collection<Long> ids) {
		return this.accounts.findAll(ids);
	}

	private static CategoryWithTeachers withTeachers(Category category, List<UserSummary> people) {
		Set<Long> teacherIds = category.teacherIds();
		List<UserSummary> teachers = people.stream().filter((person) -> teacherIds.contains(person.id())).toList();
		return new CategoryWithTeachers(category.getId(), category.getName(), teachers);
	}

	private Category category(long id) {
		return this.categories.findById(id).orElseThrow(() -> new CategoryNotFoundException(id));
	}

}
