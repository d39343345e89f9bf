package id.otos.schemadrift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * {@code otos_profile_picture} without its {@code updated_at}, a NOT NULL column without
 * a default: every insert through this entity would fail.
 */
@Entity
@Table(name = "otos_profile_picture")
public class DriftedProfilePicture {

	@Id
	@Column(name = "user_id")
	private Long userId;

	@Column(nullable = false, length = 100)
	private String contentType;

	@Column(nullable = false)
	private byte[] content;

	protected DriftedProfilePicture() {
	}

}
