package id.otos.messaging;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.categories.Categories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application starts, migrated by Flyway and validated by Hibernate, with the
 * demo data; run on each database by its subclasses.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class ApplicationChecks {

	@Autowired
	Accounts accounts;

	@Autowired
	Categories categories;

	@Test
	void demoDataHasOneAccountOfEachStaffRoleAndThreeStudents() {
		assertThat(this.accounts.withRole(RoleName.ADMIN)).hasSize(1);
		assertThat(this.accounts.withRole(RoleName.OPERATOR)).hasSize(1);
		assertThat(this.accounts.withRole(RoleName.TEACHER)).hasSize(2);
		assertThat(this.accounts.withRole(RoleName.STUDENT)).hasSize(3);
	}

	@Test
	void demoTeachersTeachTheirCategories() {
		long guru1 = this.accounts.withRole(RoleName.TEACHER)
			.stream()
			.filter((teacher) -> teacher.email().equals("guru1@otos.test"))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(this.categories.all()).filteredOn((category) -> category.teacherIds().contains(guru1))
			.extracting("name")
			.containsExactlyInAnyOrder("Matematika", "Fisika");
	}

}
