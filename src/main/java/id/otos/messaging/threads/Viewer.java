package id.otos.messaging.threads;

import java.util.Set;

import id.otos.messaging.accounts.RoleName;

/**
 * The person looking at or acting on threads: who they are, their role, and (for a
 * teacher) the categories they teach.
 */
public record Viewer(long userId, RoleName role, Set<Long> taughtCategoryIds) {

	public Viewer {
		taughtCategoryIds = Set.copyOf(taughtCategoryIds);
	}

	public boolean isStudent() {
		return this.role == RoleName.STUDENT;
	}

	public boolean isTeacher() {
		return this.role == RoleName.TEACHER;
	}

	public boolean isOperator() {
		return this.role == RoleName.OPERATOR;
	}

	public boolean isAdmin() {
		return this.role == RoleName.ADMIN;
	}

	/** Operators and admins: they assign, change status and priority, and close. */
	public boolean isStaff() {
		return isOperator() || isAdmin();
	}

	/** Anyone who answers threads: teachers, operators and admins. */
	public boolean isHandler() {
		return isTeacher() || isStaff();
	}

	public boolean teaches(Long categoryId) {
		return categoryId != null && this.taughtCategoryIds.contains(categoryId);
	}

}
