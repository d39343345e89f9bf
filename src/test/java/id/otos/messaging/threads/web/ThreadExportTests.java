package id.otos.messaging.threads.web;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The CSV export of the thread list: the inbox's filters, every page, labels in the
 * reader's language, and a title made to run as a formula arrives as text.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ThreadExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ThreadDesk desk;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void theExportHasEveryThreadTheFiltersFindAsSafeText() throws Exception {
		Viewer siswa = new Viewer(id("select id from otosapp_user where email = 'siswa1@otos.test'"), RoleName.STUDENT,
				Set.of());
		for (int i = 0; i < 25; i++) {
			this.desk.open(siswa,
					new NewThread("Jadwal " + i, ThreadType.GENERAL, null, null, Priority.NORMAL, "Kapan?", null),
					null);
		}
		long formula = this.desk.open(siswa, new NewThread("=HYPERLINK(\"http://x\",\"klik\")", ThreadType.TECHNICAL,
				null, null, Priority.HIGH, "Tolong, \"segera\"", null), null);
		// students choose up to high; staff decide urgency
		this.desk.changePriority(
				new Viewer(id("select id from otosapp_user where email = 'admin@otos.test'"), RoleName.ADMIN, Set.of()),
				formula, Priority.URGENT);

		MockHttpServletResponse all = export("/messages/export.csv?scope=all&lang=en");
		MockHttpServletResponse urgent = export("/messages/export.csv?scope=all&priority=urgent");

		assertThat(all.getContentType()).startsWith("text/csv");
		assertThat(all.getHeader("Content-Disposition")).contains("attachment");
		String text = new String(all.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFid,Title,Type,Status,Priority,");
		assertThat(text.split("\r\n")).as("a header and every thread, beyond the first page").hasSize(27);
		String[] lines = new String(urgent.getContentAsByteArray(), StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[1]).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",").contains(",Mendesak,");
	}

	private MockHttpServletResponse export(String url) throws Exception {
		CurrentUser admin = (CurrentUser) this.users.loadUserByUsername("admin@otos.test");
		return this.mvc.perform(get(url).with(user(admin))).andReturn().getResponse();
	}

	private long id(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
