package id.otos.messaging.categories;

import id.otos.messaging.accounts.AccountChanges;
import id.otos.messaging.accounts.AccountDetails;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The category rules on a real database, with the demo data (Budi teaches Matematika and
 * Fisika, Sari Bahasa Inggris and Kimia); each test rolls back. Run on H2 and on
 * PostgreSQL by the subclasses.
 */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
abstract class CategoriesChecks {

	@Autowired
	Categories categories;

	@Autowired
	Accounts accounts;

	private long admin;

	private long budi;

	private long sari;

	private long student;

	private long matematika;

	@BeforeEach
	void demoData() {
		this.admin = byEmail(RoleName.ADMIN, "admin@otos.test");
		this.budi = byEmail(RoleName.TEACHER, "guru1@otos.test");
		this.sari = byEmail(RoleName.TEACHER, "guru2@otos.test");
		this.student = byEmail(RoleName.STUDENT, "siswa1@otos.test");
		this.matematika = category("Matematika").id();
	}

	@Test
	void onlyTeachersCanBeAssigned() {
		long operator = this.accounts.withRole(RoleName.OPERATOR).get(0).id();

		for (long notATeacher : new long[] { this.student, operator, this.admin }) {
			assertThatExceptionOfType(CategoryException.class)
				.isThrownBy(() -> this.categories.assignTeacher(this.matematika, notATeacher))
				.satisfies((refusal) -> {
					assertThat(refusal.field()).isEqualTo("teacherId");
					assertThat(refusal.messageKey()).isEqualTo("category.error.not-a-teacher");
				});
		}
		assertThat(category("Matematika").teacherIds()).containsExactly(this.budi);
	}

	@Test
	void nobodyUnknownCanBeAssigned() {
		assertThatExceptionOfType(CategoryException.class)
			.isThrownBy(() -> this.categories.assignTeacher(this.matematika, 999_999));
	}

	@Test
	void aDeactivatedTeacherCannotBeAssigned() {
		this.accounts.deactivate(this.sari, this.admin);

		assertThatExceptionOfType(CategoryException.class)
			.isThrownBy(() -> this.categories.assignTeacher(this.matematika, this.sari))
			.satisfies((refusal) -> assertThat(refusal.messageKey()).isEqualTo("category.error.teacher-inactive"));
	}

	@Test
	void anActiveTeacherIsAssignedOnceAndCanBeUnassigned() {
		this.categories.assignTeacher(this.matematika, this.sari);
		this.categories.assignTeacher(this.matematika, this.sari);

		assertThat(category("Matematika").teacherIds()).containsExactlyInAnyOrder(this.budi, this.sari);
		this.categories.unassignTeacher(this.matematika, this.budi);
		assertThat(category("Matematika").teacherIds()).containsExactly(this.sari);
	}

	@Test
	void onlyActiveTeachersNotYetAssignedAreOffered() {
		long rina = this.accounts.register(
				new NewAccount("rina@otos.test", "rina", "Rina", "Guru", null, RoleName.TEACHER, "sandi-awal-123"));
		this.accounts.deactivate(rina, this.admin);

		assertThat(this.categories.assignableTeachers(this.matematika)).extracting(UserSummary::id)
			.containsExactly(this.sari);
	}

	@Test
	void aTeacherWhoBecomesAStudentLeavesTheirCategories() {
		AccountDetails details = this.accounts.details(this.budi).orElseThrow();

		this.accounts.update(this.budi, new AccountChanges(details.email(), details.username(), details.firstName(),
				details.lastName(), null, RoleName.STUDENT, null), this.admin);

		assertThat(this.categories.allWithTeachers()).allSatisfy(
				(category) -> assertThat(category.teachers()).extracting(UserSummary::id).doesNotContain(this.budi));
		assertThat(this.categories.findWithTeachers(this.matematika).orElseThrow().teachers()).isEmpty();
	}

	@Test
	void theListShowsEachCategoryWithItsTeachersByName() {
		this.categories.assignTeacher(this.matematika, this.sari);

		assertThat(this.categories.allWithTeachers()).extracting(CategoryWithTeachers::name)
			.containsExactly("Bahasa Inggris", "Fisika", "Kimia", "Matematika");
		assertThat(this.categories.findWithTeachers(this.matematika).orElseThrow().teachers())
			.extracting(UserSummary::displayName)
			.containsExactly("Budi Santoso", "Sari Wulandari");
	}

	@Test
	void categoryNamesAreUniqueWhateverTheirCase() {
		assertThatExceptionOfType(CategoryException.class).isThrownBy(() -> this.categories.create("  MATEMATIKA "))
			.satisfies((refusal) -> {
				assertThat(refusal.field()).isEqualTo("name");
				assertThat(refusal.messageKey()).isEqualTo("category.error.name-taken");
			});
		long fisika = category("Fisika").id();
		assertThatExceptionOfType(CategoryException.class)
			.isThrownBy(() -> this.categories.rename(fisika, "matematika"));
	}

	@Test
	void aCategoryCanBeRenamedToAnotherSpellingOfItsOwnName() {
		this.categories.rename(this.matematika, " MATEMATIKA ");

		assertThat(this.categories.find(this.matematika).orElseThrow().name()).isEqualTo("MATEMATIKA");
	}

	@Test
	void aCategoryNameIsOneLine() {
		long kimia = this.categories.create("Kimia\r\nOrganik\t\u202Elanjut\u202C");

		assertThat(this.categories.find(kimia).orElseThrow().name()).isEqualTo("Kimia Organik lanjut");
		assertThatExceptionOfType(CategoryException.class)
			.isThrownBy(() -> this.categories.create("\u2066Matematika\u2069"))
			.satisfies((refusal) -> assertThat(refusal.messageKey()).isEqualTo("category.error.name-taken"));
	}

	@Test
	void aCategoryNeedsAName() {
		assertThatExceptionOfType(CategoryException.class).isThrownBy(() -> this.categories.create("   "))
			.satisfies((refusal) -> assertThat(refusal.messageKey()).isEqualTo("validation.required"));
	}

	private long byEmail(RoleName role, String email) {
		return this.accounts.withRole(role)
			.stream()
			.filter((person) -> person.email().equals(email))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private CategoryView category(String name) {
		return this.categories.all().stream().filter((c) -> c.name().equals(name)).findFirst().orElseThrow();
	}

}
