package id.otos.messaging.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import id.otos.messaging.text.OneLine;
import org.hibernate.annotations.OnDeleteAction;

/**
 * A person who logs in: a student, teacher, operator or admin. Stored in the original's
 * {@code otosapp_user} table; people log in with their e-mail address.
 */
@Entity
@Table(name = "otosapp_user")
public class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 128)
	private String password;

	@Column(name = "last_login")
	private Instant lastLogin;

	@Column(name = "is_superuser", nullable = false)
	private boolean superuser;

	@Column(nullable = false, unique = true, length = 150)
	private String username;

	@Column(name = "first_name", nullable = false, length = 150)
	private String firstName;

	@Column(name = "last_name", nullable = false, length = 150)
	private String lastName;

	@Column(nullable = false, unique = true, length = 254)
	private String email;

	@Column(name = "is_staff", nullable = false)
	private boolean staff;

	@Column(name = "is_active", nullable = false)
	private boolean active;

	@Column(name = "date_joined", nullable = false)
	private Instant dateJoined;

	@Column(name = "phone_number", length = 20)
	private String phoneNumber;

	@ManyToOne(fetch = FetchType.EAGER)
	@JoinColumn(name = "role_id")
	@OnDelete(action = OnDeleteAction.SET_NULL)
	private Role role;

	@Column(name = "profile_picture", length = 500)
	private String profilePicture;

	@Column(name = "email_verified_at")
	private Instant emailVerifiedAt;

	protected User() {
	}

	User(String email, String username, String firstName, String lastName, Role role, String encodedPassword,
			Instant now) {
		this.email = normalizeEmail(email);
		this.username = username;
		this.password = Objects.requireNonNull(encodedPassword);
		this.active = true;
		this.dateJoined = now;
		rename(firstName, lastName, null);
		assignRole(role);
	}

	/**
	 * An e-mail as accounts are stored with it and found by: its {@link LoginName}.
	 * @param email an e-mail as typed, or {@code null}
	 * @return the e-mail's log-in name, or {@code null}
	 */
	public static String normalizeEmail(String email) {
		return (email != null) ? LoginName.of(email).value() : null;
	}

	/**
	 * Changes the name and phone number. Django allows an empty last name, and many
	 * Indonesians have a single name, so only the first name is required.
	 */
	void rename(String firstName, String lastName, String phoneNumber) {
		this.firstName = requireText(firstName, "firstName", 150);
		this.lastName = optionalText(lastName, "lastName", 150, "");
		this.phoneNumber = optionalText(phoneNumber, "phoneNumber", 20, null);
	}

	void changeEmail(String email, String username) {
		this.email = normalizeEmail(email);
		this.username = username;
	}

	void changePassword(String encodedPassword) {
		this.password = Objects.requireNonNull(encodedPassword);
	}

	/**
	 * Gives this person another role. An admin may not demote themselves, and the last
	 * active admin may not be demoted, or nobody could manage the platform any more.
	 * @param newRole the role to give
	 * @param actingUserId who asks for the change
	 * @param activeAdmins counts the active admins (including this one); only asked when
	 * an admin is about to be demoted, so the caller may lock before counting
	 */
	void changeRole(Role newRole, long actingUserId, LongSupplier activeAdmins) {
		if (getRole() == RoleName.ADMIN && newRole.getName() != RoleName.ADMIN) {
			if (Objects.equals(this.id, actingUserId)) {
				throw new AccountException("role", "account.error.cannot-demote-self");
			}
			if (this.active && activeAdmins.getAsLong() <= 1) {
				throw new AccountException("role", "account.error.last-admin");
			}
		}
		assignRole(newRole);
	}

	private void assignRole(Role role) {
		this.role = Objects.requireNonNull(role);
		this.staff = role.getName().isStaff();
		this.superuser = role.getName() == RoleName.ADMIN;
	}

	/**
	 * Stops this person from logging in (their open sessions end on their next request).
	 * Nobody may deactivate themselves, and the last active admin stays active.
	 * @param actingUserId who asks for the change
	 * @param activeAdmins counts the active admins (including this one); only asked when
	 * an active admin is about to be deactivated
	 */
	void deactivate(long actingUserId, LongSupplier activeAdmins) {
		if (Objects.equals(this.id, actingUserId)) {
			throw new AccountException(null, "account.error.cannot-deactivate-self");
		}
		if (!this.active) {
			return;
		}
		if (getRole() == RoleName.ADMIN && activeAdmins.getAsLong() <= 1) {
			throw new AccountException(null, "account.error.last-admin");
		}
		this.active = false;
	}

	void activate() {
		this.active = true;
	}

	void recordLogin(Instant now) {
		this.lastLogin = now;
	}

	void useProfilePicture(String name) {
		this.profilePicture = name;
	}

	private static String requireText(String value, String field, int maxLength) {
		String trimmed = optionalText(value, field, maxLength, "");
		if (trimmed.isEmpty()) {
			throw new AccountException(field, "validation.required");
		}
		return trimmed;
	}

	/**
	 * The value on one line ({@link OneLine}), or {@code whenBlank} if nothing is left.
	 */
	private static String optionalText(String value, String field, int maxLength, String whenBlank) {
		String trimmed = OneLine.of(value);
		if (trimmed == null || trimmed.isBlank()) {
			return whenBlank;
		}
		if (trimmed.length() > maxLength) {
			throw new AccountException(field, "validation.too-long", maxLength);
		}
		return trimmed;
	}

	public Long getId() {
		return this.id;
	}

	public String getPassword() {
		return this.password;
	}

	public Instant getLastLogin() {
		return this.lastLogin;
	}

	public boolean isSuperuser() {
		return this.superuser;
	}

	public String getUsername() {
		return this.username;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public String getDisplayName() {
		String full = (this.firstName + " " + this.lastName).trim();
		return full.isEmpty() ? this.username : full;
	}

	public String getEmail() {
		return this.email;
	}

	public boolean isStaff() {
		return this.staff;
	}

	public boolean isActive() {
		return this.active;
	}

	public Instant getDateJoined() {
		return this.dateJoined;
	}

	public String getPhoneNumber() {
		return this.phoneNumber;
	}

	public RoleName getRole() {
		return (this.role != null) ? this.role.getName() : RoleName.VISITOR;
	}

	public String getProfilePicture() {
		return this.profilePicture;
	}

	public Instant getEmailVerifiedAt() {
		return this.emailVerifiedAt;
	}

}
