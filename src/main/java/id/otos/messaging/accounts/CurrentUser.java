package id.otos.messaging.accounts;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in person as Spring Security holds them: the e-mail is the username.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

	private final long id;

	private final String email;

	private final String displayName;

	private final RoleName role;

	private final boolean active;

	private String password;

	CurrentUser(User user) {
		this.id = user.getId();
		this.email = user.getEmail();
		this.displayName = user.getDisplayName();
		this.role = user.getRole();
		this.active = user.isActive();
		this.password = user.getPassword();
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
		return this.active;
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

	@Override
	public String toString() {
		return "CurrentUser[id=" + this.id + ", role=" + this.role + "]";
	}

}
