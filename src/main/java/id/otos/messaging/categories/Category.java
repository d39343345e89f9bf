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

	@Column(name = "category_name", nullable = false, length = 200)
	private String name;

	/** Minutes a tryout of this category lasts (otos's tryouts; not used here). */
	@Column(name = "time_limit", nullable = false)
	private int timeLimit;

	/**
	 * How otos scores its tryouts ({@code default}, {@code custom}, {@code utbk}; not
	 * used here).
	 */
	@Column(name = "scoring_method", nullable = false, length = 10)
	private String scoringMethod;

	/** The score otos's tryouts count as passed (not used here). */
	@Column(name = "passing_score", nullable = false)
	private double passingScore;

	@Column(name = "release_date", nullable = false)
	private Instant releaseDate;

	@Column(name = "created_by_id")
	private Long createdById;

	@OneToMany(mappedBy = "category", cascade = CascadeType.ALL, orphanRemoval = true)
	private Set<CategoryTeacher> teachers = new HashSet<>();

	protected Category() {
	}

	/**
	 * A new category with the values otos's own category form starts from (a 60-minute
	 * tryout, default scoring, a passing score of 75, released now), so that otos can run
	 * tryouts of it when it shares the database.
	 */
	Category(String name, Long createdById, Instant now) {
		this.name = name;
		this.timeLimit = 60;
		this.scoringMethod = "default";
		this.passingScore = 75.0;
		this.releaseDate = now;
		this.createdById = createdById;
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

	public Instant getReleaseDate() {
		return this.releaseDate;
	}

}
