package id.otos.messaging.threads.web;

import java.io.ByteArrayInputStream;
import java.util.Set;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.PictureSamples;
import id.otos.messaging.accounts.ProfilePictures;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A profile picture is served to its owner, to operators and admins, and to the people
 * who share a thread with its owner (a student and whoever answers them; a teacher and
 * the students of their categories' threads); to everyone else it answers exactly as a
 * picture that does not exist.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PictureAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProfilePictures pictures;

	@Autowired
	ThreadDesk desk;

	@BeforeEach
	void everyoneHasAPictureAndSiswa1AsksGuru1() throws Exception {
		for (String person : new String[] { "siswa1", "siswa2", "siswa3", "guru1", "guru2", "operator", "admin" }) {
			this.pictures.upload(id(person), new ByteArrayInputStream(PictureSamples.png()));
		}
		long matematika = this.jdbc.sql("select id from otosapp_category where category_name = 'Matematika'")
			.query(Long.class)
			.single();
		this.desk.open(new Viewer(id("siswa1"), RoleName.STUDENT, Set.of()), new NewThread("Soal integral",
				ThreadType.ACADEMIC, matematika, id("guru1"), Priority.NORMAL, "Bagaimana?", null), null);
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void everyRoleSeesThePicturesOfThoseItSharesAThreadWithAndNoOthers() throws Exception {
		assertSees("siswa1", "siswa1", "guru1");
		assertDoesNotSee("siswa1", "siswa2", "siswa3", "guru2", "operator", "admin");
		assertSees("siswa2", "siswa2");
		assertDoesNotSee("siswa2", "siswa1", "guru1", "guru2", "operator");
		assertSees("guru1", "guru1", "siswa1");
		assertDoesNotSee("guru1", "siswa2", "siswa3", "guru2");
		assertSees("guru2", "guru2");
		assertDoesNotSee("guru2", "siswa1", "guru1");
		assertSees("operator", "siswa1", "siswa2", "guru1", "guru2", "admin", "operator");
		assertSees("admin", "siswa1", "siswa3", "guru2", "operator", "admin");
	}

	@Test
	void aPictureOneMayNotSeeAnswersExactlyAsOneThatDoesNotExist() throws Exception {
		this.pictures.remove(id("siswa3"));

		String hidden = picture("siswa2", "siswa1");
		String missing = picture("siswa2", "siswa3");
		assertThat(hidden).isEqualTo(missing).startsWith("404 ");
	}

	private void assertSees(String viewer, String... owners) throws Exception {
		for (String owner : owners) {
			assertThat(picture(viewer, owner)).as("%s sees %s's picture", viewer, owner).startsWith("200 ");
		}
	}

	private void assertDoesNotSee(String viewer, String... owners) throws Exception {
		for (String owner : owners) {
			assertThat(picture(viewer, owner)).as("%s sees %s's picture", viewer, owner).startsWith("404 ");
		}
	}

	private String picture(String viewer, String owner) throws Exception {
		var response = this.mvc
			.perform(get("/accounts/" + id(owner) + "/picture").accept("image/*,*/*")
				.with(user((CurrentUser) this.users.loadUserByUsername(viewer + "@otos.test"))))
			.andReturn()
			.getResponse();
		return response.getStatus() + " " + response.getContentType() + " "
				+ ((response.getStatus() == 200) ? "" : response.getContentAsString());
	}

	private long id(String person) {
		return this.jdbc.sql("select id from otosapp_user where email = :email")
			.param("email", person + "@otos.test")
			.query(Long.class)
			.single();
	}

}
