package id.otos.messaging.accounts;

import java.util.Arrays;
import java.util.List;

/**
 * The roles of the original otos platform, stored by their {@code role_name}.
 */
public enum RoleName {

	STUDENT("Student"), TEACHER("Teacher"), OPERATOR("Operator"), ADMIN("Admin"), VISITOR("Visitor");

	/**
	 * The roles an admin can give; Visitor only exists for accounts from the original.
	 */
	public static final List<RoleName> ASSIGNABLE = List.of(STUDENT, TEACHER, OPERATOR, ADMIN);

	private final String storedName;

	RoleName(String storedName) {
		this.storedName = storedName;
	}

	public String storedName() {
		return this.storedName;
	}

	/** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** The key of the role's label in {@code messages*.properties}. */
	public String messageKey() {
		return "role." + name().toLowerCase();
	}

	public boolean isAssignable() {
		return ASSIGNABLE.contains(this);
	}

	public boolean isStaff() {
		return this == OPERATOR || this == ADMIN;
	}

	public static RoleName fromStoredName(String storedName) {
		return Arrays.stream(values())
			.filter((role) -> role.storedName.equals(storedName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown role_name '" + storedName + "'"));
	}

}
