package id.otos.messaging.categories;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * A subject category of the tryout platform (Matematika, Fisika, ...) and the teachers
 * assigned to it. Teachers are referred to by user id only.
 */
@Entity
@Table(name = "otosapp_category")
public class Category {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "category_name", nullable = false, unique = true, length = 100)
	private String name;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@OneToMany(mappedBy = "category", cascade = CascadeType.ALL, orphanRemoval = true)
	private Set<CategoryTeacher> teachers = new HashSet<>();

	protected Category() {
	}

	Category(String name, Instant now) {
		this.name = name;
		this.createdAt = now;
	}

	void rename(String name) {
		this.name = name;
	}

	void assignTeacher(long userId) {
		if (!teaches(userId)) {
			this.teachers.add(new CategoryTeacher(this, userId));
		}
	}

	void unassignTeacher(long userId) {
		this.teachers.removeIf((link) -> link.getUserId() == userId);
	}

	public boolean teaches(long userId) {
		return this.teachers.stream().anyMatch((link) -> link.getUserId() == userId);
	}

	public Set<Long> teacherIds() {
		return this.teachers.stream().map(CategoryTeacher::getUserId).collect(Collectors.toUnmodifiableSet());
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
