package id.otos.messaging.threads.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.categories.Categories;

import org.springframework.stereotype.Component;

/**
 * The categories a student can ask about, each with the active teachers who teach it.
 */
@Component
class CategoryChoices {

	public record TeacherChoice(long id, String name) {

	}

	public record CategoryChoice(long id, String name, List<TeacherChoice> teachers) {

	}

	private final Categories categories;

	private final Accounts accounts;

	CategoryChoices(Categories categories, Accounts accounts) {
		this.categories = categories;
		this.accounts = accounts;
	}

	List<CategoryChoice> all() {
		Map<Long, UserSummary> teachers = this.accounts.withRole(RoleName.TEACHER)
			.stream()
			.filter(UserSummary::active)
			.collect(Collectors.toMap(UserSummary::id, Function.identity()));
		return this.categories.all()
			.stream()
			.map((category) -> new CategoryChoice(category.id(), category.name(),
					category.teacherIds()
						.stream()
						.map(teachers::get)
						.filter((teacher) -> teacher != null)
						.map((teacher) -> new TeacherChoice(teacher.id(), teacher.displayName()))
						.sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
						.toList()))
			.toList();
	}

}
