package id.otos.messaging.accounts.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An admin imports students from a CSV file, with a real SMTP server for the invitations
 * (GreenMail, in this JVM on a free port of 127.0.0.1): a good file is previewed, then
 * created whole with an invitation each; a file with any bad line, or one the database
 * refuses by the time it is confirmed, writes nothing; a confirmation sent twice creates
 * the students once.
 */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "otos.notifications.enabled=false" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class StudentImportChecks {

	private static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	private static final Pattern HIDDEN = Pattern
		.compile("name=\"(content|digest|submission_key)\" value=\"([^\"]*)\"");

	private static final Pattern LINK = Pattern
		.compile("http://127\\.0\\.0\\.1:8080(/login/reset\\?token=([A-Za-z0-9_-]+))");

	private static final String GOOD = "\uFEFFusername;email;first_name;last_name\r\n"
			+ "andi.p;Andi@Sekolah.test;Andi;Pratama\r\n" + "budi;budi@sekolah.test;Budi;\r\n"
			+ "\"citra\";citra@sekolah.test;\"Citra; Dewi\";Lestari\r\n";

	private static GreenMail mailServer;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Clock clock;

	@Autowired
	Accounts accounts;

	Cookie admin;

	@DynamicPropertySource
	static void mailServerPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", SMTP::getPort);
	}

	@BeforeAll
	static void startTheMailServer() {
		mailServer = new GreenMail(SMTP);
		mailServer.start();
	}

	@AfterAll
	static void stopTheMailServer() {
		mailServer.stop();
	}

	@BeforeEach
	void logIn() throws Exception {
		this.admin = DemoLogIn.session(this.mvc, "admin@otos.test");
	}

	@AfterEach
	void backToTheDemoSchool() throws Exception {
		DemoSchool.reset(this.jdbc);
		mailServer.purgeEmailFromAllMailboxes();
	}

	@Test
	void aGoodFileIsPreviewedThenCreatedWholeWithAnInvitationForEachStudent() throws Exception {
		this.mvc.perform(get("/admin/users").cookie(this.admin))
			.andExpect(content().string(containsString("href=\"/admin/users/import\"")));
		String preview = upload(GOOD.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(preview).contains("Semua 3 baris baik", "Citra; Dewi", "import-submit");
		assertThat(students()).as("a preview writes nothing").isZero();

		this.mvc.perform(confirm(preview))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("flashSuccess", "import.done"))
			.andExpect(flash().attribute("flashSuccessArgument", 3));
		assertThat(this.jdbc.sql("""
				select u.username || ' ' || u.email || ' ' || u.first_name || ' ' || u.last_name
				from otosapp_user u join otosapp_role r on r.id = u.role_id
				where r.role_name = 'Student' and u.email like '%@sekolah.test' order by u.username
				""").query(String.class).list()).containsExactly("andi.p andi@sekolah.test Andi Pratama",
				"budi budi@sekolah.test Budi ", "citra citra@sekolah.test Citra; Dewi Lestari");
		assertThat(this.jdbc.sql("select password from otosapp_user where email like '%@sekolah.test'")
			.query(String.class)
			.list()).as("no usable password").allMatch((hash) -> hash.startsWith("!") && hash.length() == 41);

		this.mvc.perform(confirm(preview)).andExpect(redirectedUrl("/admin/users"));
		assertThat(students()).as("the confirmation sent again creates nothing more").isEqualTo(3);

		deliver();
		assertThat(mailServer.waitForIncomingEmail(5000, 3)).isTrue();
		MimeMessage[] received = mailServer.getReceivedMessages();
		assertThat(received).hasSize(3);
		assertThat(Arrays.stream(received).map(StudentImportChecks::recipient))
			.containsExactlyInAnyOrder("andi@sekolah.test", "budi@sekolah.test", "citra@sekolah.test");
		MimeMessage budi = Arrays.stream(received)
			.filter((mail) -> recipient(mail).equals("budi@sekolah.test"))
			.findFirst()
			.orElseThrow();
		assertThat(budi.getSubject()).isEqualTo("otos: akun Anda telah dibuat");
		assertThat(GreenMailUtil.getBody(budi)).contains("berlaku 168 jam");

		this.mvc.perform(formLogin("/login").user("budi@sekolah.test").password("!")).andExpect(unauthenticated());
		String token = token(budi);
		this.mvc
			.perform(post("/login/reset").with(csrf())
				.param("token", token)
				.param("newPassword", "budi-punya-sandi")
				.param("confirmPassword", "budi-punya-sandi"))
			.andExpect(redirectedUrl("/login?reset"));
		this.mvc.perform(formLogin("/login").user("budi@sekolah.test").password("budi-punya-sandi"))
			.andExpect(authenticated());
	}

	@Test
	void aFileWithABadLineShowsEachLinesProblemsAndWritesNothing() throws Exception {
		String file = """
				username,email,first_name,last_name
				dewi,dewi@sekolah.test,Dewi,Sari
				dewi2,DEWI@sekolah.test,Dewi,Kedua
				siswa1,siswa-baru@sekolah.test,Siswa,Baru
				eka,siswa2@otos.test,Eka,
				fajar,bukan-email,Fajar,
				gita,gita@sekolah.test,,
				%s,hadi@sekolah.test,Hadi,
				ina spasi,ina@sekolah.test,Ina,
				joko,joko@sekolah.test
				""".formatted("h".repeat(151));
		String page = upload(file.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page)
			.contains("8 baris ditolak", "Email ini sama dengan email siswa ke-1 di berkas ini.",
					"Nama pengguna ini sudah dipakai akun lain.", "Email ini sudah dipakai akun lain.",
					"email: Alamat email tidak valid.", "first_name: Wajib diisi.", "username: Maksimal 150 karakter.",
					"username: Nama pengguna hanya boleh", "Baris ini punya 2 kolom, seharusnya 4.")
			.doesNotContain("import-submit");
		assertThat(students()).isZero();
		assertThat(outboxRows()).isZero();

		upload(file.getBytes(StandardCharsets.UTF_8), "en")
			.andExpect(content().string(containsString("This e-mail is that of student 1 of this file already.")));
	}

	@Test
	void aFileThatCannotBeReadIsRefusedWhole() throws Exception {
		String header = "username,email,first_name,last_name\n";
		StringBuilder tooMany = new StringBuilder(header);
		for (int i = 0; i <= StudentCsv.MAX_STUDENTS; i++) {
			tooMany.append("s").append(i).append(",s").append(i).append("@sekolah.test,S,\n");
		}
		byte[][] files = { { (byte) 0xff, (byte) 0xfe, 'u', 0 },
				"email,username\na@b.test,a\n".getBytes(StandardCharsets.UTF_8),
				header.getBytes(StandardCharsets.UTF_8), "".getBytes(StandardCharsets.UTF_8),
				tooMany.toString().getBytes(StandardCharsets.UTF_8), new byte[StudentCsv.MAX_BYTES + 1],
				(header + "\"andi,andi@sekolah.test,Andi,\n").getBytes(StandardCharsets.UTF_8),
				(header + "andi,andi@sekolah.test,Andi,\0\n").getBytes(StandardCharsets.UTF_8) };
		String[] problems = { "bukan teks UTF-8", "Baris pertama harus berisi judul kolom", "tidak berisi siswa",
				"Pilih berkas CSV", "paling banyak 500 per berkas", "paling besar 512 KB",
				"bukan CSV yang dapat dibaca", "bukan teks UTF-8" };
		for (int i = 0; i < files.length; i++) {
			upload(files[i]).andExpect(status().isOk())
				.andExpect(content().string(containsString("file-problem")))
				.andExpect(content().string(containsString(problems[i])))
				.andExpect(content().string(not(containsString("import-submit"))));
		}
		this.mvc.perform(multipart("/admin/users/import").with(csrf()).cookie(this.admin))
			.andExpect(content().string(containsString("Pilih berkas CSV")));
		assertThat(students()).isZero();
	}

	@Test
	void aChangedPreviewOrAnAccountMadeMeanwhileIsRefusedAndNothingIsWritten() throws Exception {
		String preview = upload(GOOD.getBytes(StandardCharsets.UTF_8)).andReturn().getResponse().getContentAsString();
		String other = java.util.Base64.getEncoder()
			.encodeToString("username,email,first_name,last_name\nmallory,m@sekolah.test,M,\n"
				.getBytes(StandardCharsets.UTF_8));

		this.mvc.perform(confirm(preview, this.admin, Map.of("content", other)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pratinjau itu tidak lagi cocok")));
		this.mvc.perform(confirm(preview, this.admin, Map.of("content", "%%% not base64")))
			.andExpect(content().string(containsString("Pratinjau itu tidak lagi cocok")));
		this.mvc.perform(confirm(preview, this.admin, Map.of("submission_key", "k".repeat(65))))
			.andExpect(content().string(containsString("Pratinjau itu tidak lagi cocok")));
		assertThat(students()).isZero();

		this.accounts.register(new NewAccount("budi.lain@otos.test", "budi", "Budi", "Lain", null, RoleName.STUDENT,
				DemoLogIn.PASSWORD));
		this.mvc.perform(confirm(preview))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nama pengguna ini sudah dipakai akun lain.")))
			.andExpect(content().string(not(containsString("import-submit"))));
		assertThat(students()).isZero();
		assertThat(outboxRows()).isZero();
	}

	@Test
	void onlyAdminsImport() throws Exception {
		String preview = upload(GOOD.getBytes(StandardCharsets.UTF_8)).andReturn().getResponse().getContentAsString();
		for (String email : new String[] { "siswa1@otos.test", "guru1@otos.test", "operator@otos.test" }) {
			Cookie session = DemoLogIn.session(this.mvc, email);
			this.mvc.perform(get("/admin/users/import").cookie(session)).andExpect(status().isForbidden());
			this.mvc
				.perform(multipart("/admin/users/import").file(file(GOOD.getBytes(StandardCharsets.UTF_8)))
					.with(csrf())
					.cookie(session))
				.andExpect(status().isForbidden());
			this.mvc.perform(confirm(preview, session)).andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/admin/users/import")).andExpect(status().is3xxRedirection());
		assertThat(students()).isZero();
	}

	private org.springframework.test.web.servlet.ResultActions upload(byte[] bytes) throws Exception {
		return upload(bytes, "id");
	}

	private org.springframework.test.web.servlet.ResultActions upload(byte[] bytes, String lang) throws Exception {
		return this.mvc.perform(
				multipart("/admin/users/import").file(file(bytes)).param("lang", lang).with(csrf()).cookie(this.admin));
	}

	private static MockMultipartFile file(byte[] bytes) {
		return new MockMultipartFile("file", "siswa.csv", "text/csv", bytes);
	}

	private MockHttpServletRequestBuilder confirm(String preview) {
		return confirm(preview, this.admin);
	}

	private static MockHttpServletRequestBuilder confirm(String preview, Cookie session) {
		return confirm(preview, session, Map.of());
	}

	/** The preview's confirmation, with some of its fields replaced. */
	private static MockHttpServletRequestBuilder confirm(String preview, Cookie session, Map<String, String> replaced) {
		MockHttpServletRequestBuilder confirm = post("/admin/users/import/confirm").with(csrf()).cookie(session);
		Matcher hidden = HIDDEN.matcher(preview);
		int found = 0;
		while (hidden.find()) {
			confirm.param(hidden.group(1), replaced.getOrDefault(hidden.group(1), hidden.group(2)));
			found++;
		}
		assertThat(found).as("the confirmation's fields in the preview").isEqualTo(3);
		return confirm;
	}

	private void deliver() {
		Object sender = this.context.getBean("outboxSender");
		ReflectionTestUtils.invokeMethod(sender, "sendDue", this.clock.instant().plus(Duration.ofSeconds(1)));
	}

	private static String recipient(MimeMessage mail) {
		try {
			return mail.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String token(MimeMessage mail) {
		Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
		assertThat(link.find()).isTrue();
		return link.group(2);
	}

	private long students() {
		return this.jdbc.sql("select count(*) from otosapp_user where email like '%@sekolah.test'")
			.query(Long.class)
			.single();
	}

	private long outboxRows() {
		return this.jdbc.sql("select count(*) from otos_mail_outbox").query(Long.class).single();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
