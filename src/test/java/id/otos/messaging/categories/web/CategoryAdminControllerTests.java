package id.otos.messaging.categories.web;

import java.util.List;
import java.util.Optional;

import id.otos.messaging.accounts.AccountFixtures;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.categories.CategoryException;
import id.otos.messaging.categories.CategoryWithTeachers;
import id.otos.messaging.web.WebTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CategoryAdminController.class)
@Import(WebTestConfiguration.class)
class CategoryAdminControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	Categories categories;

	private final UserSummary budi = new UserSummary(3, "guru1@otos.test", "Budi Santoso", RoleName.TEACHER, true);

	private final UserSummary sari = new UserSummary(4, "guru2@otos.test", "Sari Wulandari", RoleName.TEACHER, true);

	private final CategoryWithTeachers matematika = new CategoryWithTeachers(10, "Matematika", List.of(this.budi));

	@BeforeEach
	void matematikaIsTaughtByBudiAndSariIsFree() {
		given(this.categories.allWithTeachers()).willReturn(List.of(this.matematika));
		given(this.categories.findWithTeachers(10)).willReturn(Optional.of(this.matematika));
		given(this.categories.assignableTeachers(10)).willReturn(List.of(this.sari));
	}

	@Test
	void anonymousPeopleAreSentToLogIn() throws Exception {
		this.mvc.perform(get("/admin/categories")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@ParameterizedTest
	@EnumSource(value = RoleName.class, names = { "STUDENT", "TEACHER", "OPERATOR" })
	void onlyAdminsMayManageCategories(RoleName role) throws Exception {
		RequestPostProcessor someone = as(AccountFixtures.loggedIn(9, role));

		this.mvc.perform(get("/admin/categories").with(someone)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/categories/10").with(someone)).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/categories/10/teachers").with(someone).with(csrf()).param("teacherId", "9"))
			.andExpect(status().isForbidden());
		then(this.categories).should(never()).assignTeacher(anyLong(), anyLong());
	}

	@Test
	void theListShowsEachCategoryWithItsTeachers() throws Exception {
		this.mvc.perform(get("/admin/categories").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-category-name=\"Matematika\"")))
			.andExpect(content().string(containsString("data-email=\"guru1@otos.test\"")))
			.andExpect(content().string(containsString("Budi Santoso")))
			.andExpect(content().string(containsString("id=\"manage-category-10\"")));
	}

	@Test
	void aNewCategoryIsCreated() throws Exception {
		this.mvc.perform(post("/admin/categories").with(admin()).with(csrf()).param("name", "Biologi"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/categories"))
			.andExpect(flash().attribute("flashSuccess", "admin.categories.created"));
		then(this.categories).should().create("Biologi");
	}

	@Test
	void aCategoryWithoutANameIsRefused() throws Exception {
		this.mvc.perform(post("/admin/categories").with(admin()).with(csrf()).param("name", "  "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"name-error\">Wajib diisi.<")));
		then(this.categories).should(never()).create(anyString());
	}

	@Test
	void aNameInUseIsRefusedWithWhatWasTyped() throws Exception {
		willThrow(new CategoryException("name", "category.error.name-taken")).given(this.categories)
			.create("matematika");

		this.mvc.perform(post("/admin/categories").with(admin()).with(csrf()).param("name", "matematika"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"name-error\">Kategori dengan nama ini sudah ada.<")))
			.andExpect(content().string(containsString("value=\"matematika\"")));
	}

	@Test
	void theCategoryPageOffersOnlyTeachersNotYetAssigned() throws Exception {
		this.mvc.perform(get("/admin/categories/10").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"unassign-teacher-3\"")))
			.andExpect(
					content().string(containsString("<option value=\"4\">Sari Wulandari (guru2@otos.test)</option>")))
			.andExpect(content().string(not(containsString("<option value=\"3\">"))))
			.andExpect(content().string(containsString("id=\"assign-teacher\"")));
	}

	@Test
	void aCategoryIsRenamed() throws Exception {
		this.mvc
			.perform(post("/admin/categories/10/rename").with(admin()).with(csrf()).param("name", "Matematika Dasar"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/categories/10"))
			.andExpect(flash().attribute("flashSuccess", "admin.categories.renamed"));
		then(this.categories).should().rename(10, "Matematika Dasar");
	}

	@Test
	void aTeacherIsAssigned() throws Exception {
		this.mvc.perform(post("/admin/categories/10/teachers").with(admin()).with(csrf()).param("teacherId", "4"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/categories/10"))
			.andExpect(flash().attribute("flashSuccess", "admin.categories.teacher-assigned"));
		then(this.categories).should().assignTeacher(10, 4);
	}

	@Test
	void assigningWithoutChoosingATeacherAsksForOne() throws Exception {
		this.mvc.perform(post("/admin/categories/10/teachers").with(admin()).with(csrf()).param("teacherId", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"teacherId-error\">Pilih guru.<")));
		then(this.categories).should(never()).assignTeacher(anyLong(), anyLong());
	}

	@Test
	void someoneWhoIsNotATeacherIsRefused() throws Exception {
		willThrow(new CategoryException("teacherId", "category.error.not-a-teacher")).given(this.categories)
			.assignTeacher(10, 5);

		this.mvc.perform(post("/admin/categories/10/teachers").with(admin()).with(csrf()).param("teacherId", "5"))
			.andExpect(status().isOk())
			.andExpect(content().string(
					containsString("id=\"teacherId-error\">Hanya pengguna dengan peran Guru yang dapat ditugaskan.<")));
	}

	@Test
	void aTeacherIsUnassigned() throws Exception {
		this.mvc.perform(post("/admin/categories/10/teachers/3/unassign").with(admin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/categories/10"))
			.andExpect(flash().attribute("flashSuccess", "admin.categories.teacher-unassigned"));
		then(this.categories).should().unassignTeacher(10, 3);
	}

	@Test
	void anUnknownCategoryIsNotFound() throws Exception {
		given(this.categories.findWithTeachers(404)).willReturn(Optional.empty());

		this.mvc.perform(get("/admin/categories/404").with(admin())).andExpect(status().isNotFound());
	}

	private RequestPostProcessor admin() {
		return as(AccountFixtures.loggedIn(1, RoleName.ADMIN));
	}

	private RequestPostProcessor as(CurrentUser someone) {
		given(this.accounts.currentUser(someone.id())).willReturn(Optional.of(someone));
		return user(someone);
	}

}
