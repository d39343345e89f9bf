package id.otos.messaging.categories;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * A row of {@code otosapp_category_teachers}: the user (a teacher) teaches the category.
 */
@Entity
@Table(name = "otosapp_category_teachers",
		uniqueConstraints = @UniqueConstraint(columnNames = { "category_id", "user_id" }))
class CategoryTeacher {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "category_id", nullable = false)
	@OnDelete(action = OnDeleteAction.CASCADE)
	private Category category;

	@Column(name = "user_id", nullable = false)
	private long userId;

	protected CategoryTeacher() {
	}

	CategoryTeacher(Category category, long userId) {
		this.category = category;
		this.userId = userId;
	}

	long getUserId() {
		return this.userId;
	}

}
