package id.otos.messaging.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

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

	@Column(name = "profile_picture", length = 100)
	private String profilePicture;

	@Column(name = "email_verified_at")
	private Instant emailVerifiedAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected User() {
	}

	User(String email, String username, String firstName, String lastName, Role role, String encodedPassword,
			Instant now) {
		this.email = normalizeEmail(email);
		this.username = username;
		this.firstName = firstName;
		this.lastName = lastName;
		this.password = encodedPassword;
		this.active = true;
		this.dateJoined = now;
		this.updatedAt = now;
		assignRole(role, now);
	}

	public static String normalizeEmail(String email) {
		return (email != null) ? email.trim().toLowerCase(Locale.ROOT) : null;
	}

	void rename(String firstName, String lastName, String phoneNumber, Instant now) {
		this.firstName = firstName;
		this.lastName = lastName;
		this.phoneNumber = (phoneNumber == null || phoneNumber.isBlank()) ? null : phoneNumber.trim();
		this.updatedAt = now;
	}

	void changeEmail(String email, String username, Instant now) {
		this.email = normalizeEmail(email);
		this.username = username;
		this.updatedAt = now;
	}

	void changePassword(String encodedPassword, Instant now) {
		this.password = Objects.requireNonNull(encodedPassword);
		this.updatedAt = now;
	}

	void assignRole(Role role, Instant now) {
		this.role = Objects.requireNonNull(role);
		this.staff = role.getName().isStaff();
		this.superuser = role.getName() == RoleName.ADMIN;
		this.updatedAt = now;
	}

	void deactivate(Instant now) {
		this.active = false;
		this.updatedAt = now;
	}

	void activate(Instant now) {
		this.active = true;
		this.updatedAt = now;
	}

	void recordLogin(Instant now) {
		this.lastLogin = now;
	}

	void useProfilePicture(String name, Instant now) {
		this.profilePicture = name;
		this.updatedAt = now;
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

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
