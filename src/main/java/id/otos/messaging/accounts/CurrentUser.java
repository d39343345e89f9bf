package id.otos.messaging.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in person as Spring Security holds them: the e-mail is the username.
 *
 * <p>
 * Besides the password hash (erased after log-in) it keeps a fingerprint of that hash, so
 * that a session can tell whether the password has changed since it logged in (see
 * {@link #mayContinueAs(CurrentUser)}), the way Django's session auth hash does.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private final long id;

	private final String email;

	private final String displayName;

	private final RoleName role;

	private final boolean enabled;

	private String passwordFingerprint;

	private String password;

	CurrentUser(User user, AccountHome home) {
		this.id = user.getId();
		this.email = user.getEmail();
		this.displayName = user.getDisplayName();
		this.role = user.getRole();
		this.enabled = user.isActive() && (!home.isOtos() || user.getEmailVerifiedAt() != null);
		this.password = user.getPassword();
		this.passwordFingerprint = fingerprint(user.getPassword());
	}

	/**
	 * Whether a session that logged in as this person may go on as {@code now}, the same
	 * account as it is in the database at this moment: only while the account is still
	 * active (and, on an adopted otos database, its e-mail address verified) and its
	 * password has not changed since. A new role or name does not end the session; it
	 * applies at once.
	 * @param now the account as it is now
	 * @return whether the session may continue
	 */
	public boolean mayContinueAs(CurrentUser now) {
		return now.id == this.id && now.enabled && now.passwordFingerprint.equals(this.passwordFingerprint);
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public RoleName role() {
		return this.role;
	}

	/**
	 * Takes on the new hash of the same password after log-in re-hashed an old one
	 * (Django's format to BCrypt). Spring Security keeps the object it loaded before the
	 * upgrade as the principal, so without this the session would hold the old hash's
	 * fingerprint and end at its next request.
	 * @param encodedPassword the new hash
	 */
	void passwordRehashed(String encodedPassword) {
		this.password = encodedPassword;
		this.passwordFingerprint = fingerprint(encodedPassword);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.password = null;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof CurrentUser that) && this.id == that.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	private static String fingerprint(String passwordHash) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(passwordHash).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	@Override
	public String toString() {
		return "CurrentUser[id=" + this.id + ", role=" + this.role + "]";
	}

}
