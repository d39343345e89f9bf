package id.otos.messaging.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code otosapp_role}. The five rows are written by the first migration.
 */
@Entity
@Table(name = "otosapp_role")
public class Role {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "role_name", nullable = false, unique = true, length = 200)
	@Convert(converter = RoleNameConverter.class)
	private RoleName name;

	protected Role() {
	}

	public Long getId() {
		return this.id;
	}

	public RoleName getName() {
		return this.name;
	}

}
