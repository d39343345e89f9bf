package id.otos.schemadrift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * {@code otosapp_role} with a field that no migration adds a column for.
 */
@Entity
@Table(name = "otosapp_role")
public class DriftedRole {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "role_name", nullable = false, unique = true, length = 200)
	private String name;

	@Column(length = 50)
	private String mood;

	protected DriftedRole() {
	}

}
