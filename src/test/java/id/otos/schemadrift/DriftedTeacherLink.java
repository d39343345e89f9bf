package id.otos.schemadrift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * {@code otosapp_category_teachers} whose teacher refers to the wrong table: the entity
 * expects a foreign key to {@code otosapp_role} that no migration creates.
 */
@Entity
@Table(name = "otosapp_category_teachers")
public class DriftedTeacherLink {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "category_id", nullable = false)
	private long categoryId;

	@ManyToOne(optional = false)
	@JoinColumn(name = "user_id", nullable = false)
	private DriftedRole teacher;

	protected DriftedTeacherLink() {
	}

}
