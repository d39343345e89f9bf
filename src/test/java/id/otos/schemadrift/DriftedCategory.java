package id.otos.schemadrift;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * {@code otosapp_category} with a longer name than the column allows, and a release date
 * that the entity makes optional and unique while the column is neither. (Its column name
 * comes from the naming strategy, as the application's would.)
 */
@Entity
@Table(name = "otosapp_category")
public class DriftedCategory {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "category_name", nullable = false, unique = true, length = 300)
	private String name;

	@Column(unique = true)
	private Instant releaseDate;

	@Column(name = "time_limit", nullable = false)
	private int timeLimit;

	@Column(name = "scoring_method", nullable = false, length = 10)
	private String scoringMethod;

	@Column(name = "passing_score", nullable = false)
	private double passingScore;

	protected DriftedCategory() {
	}

}
