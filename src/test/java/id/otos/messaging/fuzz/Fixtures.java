package id.otos.messaging.fuzz;

import java.util.List;
import java.util.UUID;

import id.otos.messaging.accounts.PictureSamples;
import id.otos.messaging.fuzz.Call.Who;
import id.otos.messaging.support.DemoLogIn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the fuzzed requests aim at, on the demo school: a thread of the student who sends
 * them (an academic question to the teacher who sends them) and one of another student (a
 * technical problem, the operator's), each with an attachment; an account to edit and
 * deactivate; a category to rename and staff.
 */
final class Fixtures {

	static final String PASSWORD = DemoLogIn.PASSWORD;

	static final long ATTACHMENT_LIMIT = 10L * 1024 * 1024;

	static final long PICTURE_LIMIT = 2L * 1024 * 1024;

	/** The student import's largest file ({@code accounts.web.StudentCsv.MAX_BYTES}). */
	static final long IMPORT_LIMIT = 512L * 1024;

	static final List<String> EMAILS = List.of("siswa1@otos.test", "siswa2@otos.test", "guru1@otos.test",
			"admin@otos.test", "SISWA1@OTOS.TEST", "tidak-ada@otos.test");

	long student;

	long otherStudent;

	long teacher;

	long otherTeacher;

	long operator;

	long admin;

	long victim;

	long category;

	long fuzzCategory;

	long studentThread;

	long otherStudentsThread;

	long studentMessage;

	long otherStudentsMessage;

	String usedSubmissionKey;

	static Fixtures create(MockMvc mvc, JdbcClient jdbc, UserDetailsService users) throws Exception {
		Fixtures f = new Fixtures();
		f.student = id(jdbc, "select id from otosapp_user where email = 'siswa1@otos.test'");
		f.otherStudent = id(jdbc, "select id from otosapp_user where email = 'siswa2@otos.test'");
		f.teacher = id(jdbc, "select id from otosapp_user where email = 'guru1@otos.test'");
		f.otherTeacher = id(jdbc, "select id from otosapp_user where email = 'guru2@otos.test'");
		f.operator = id(jdbc, "select id from otosapp_user where email = 'operator@otos.test'");
		f.admin = id(jdbc, "select id from otosapp_user where email = 'admin@otos.test'");
		f.category = id(jdbc, "select id from otosapp_category where category_name = 'Matematika'");
		mvc.perform(post("/admin/users/new").with(user(users.loadUserByUsername(Who.ADMIN.email)))
			.with(csrf())
			.param("email", "korban@otos.test")
			.param("username", "korban")
			.param("firstName", "Korban")
			.param("lastName", "")
			.param("phoneNumber", "")
			.param("role", "STUDENT")
			.param("password", "sandi-awal-123")).andExpect(status().isFound());
		f.victim = id(jdbc, "select id from otosapp_user where email = 'korban@otos.test'");
		mvc.perform(post("/admin/categories").with(user(users.loadUserByUsername(Who.ADMIN.email)))
			.with(csrf())
			.param("name", "Kategori Uji")).andExpect(status().isFound());
		f.fuzzCategory = id(jdbc, "select id from otosapp_category where category_name = 'Kategori Uji'");
		f.usedSubmissionKey = UUID.randomUUID().toString();
		f.studentThread = open(mvc, users, "siswa1@otos.test", "academic", f.category, f.teacher, f.usedSubmissionKey);
		f.otherStudentsThread = open(mvc, users, "siswa2@otos.test", "technical", null, null,
				UUID.randomUUID().toString());
		mvc.perform(multipart("/profile/picture")
			.file(new MockMultipartFile("picture", "wajah.png", "image/png", PictureSamples.png()))
			.with(user(users.loadUserByUsername("siswa2@otos.test")))
			.with(csrf())).andExpect(status().isFound());
		f.studentMessage = id(jdbc, "select min(id) from otosapp_message where thread_id = " + f.studentThread);
		f.otherStudentsMessage = id(jdbc,
				"select min(id) from otosapp_message where thread_id = " + f.otherStudentsThread);
		return f;
	}

	private static long open(MockMvc mvc, UserDetailsService users, String student, String type, Long category,
			Long teacher, String key) throws Exception {
		var request = multipart("/messages/create/")
			.file(new MockMultipartFile("attachment", "soal.png", "image/png", PictureSamples.png()))
			.param("title", "Soal dari " + student)
			.param("thread_type", type)
			.param("priority", "normal")
			.param("content", "Tolong bantu")
			.param("submission_key", key)
			.with(user(users.loadUserByUsername(student)))
			.with(csrf());
		if (category != null) {
			request.param("category", category.toString()).param("teacher", teacher.toString());
		}
		String location = mvc.perform(request)
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.replaceAll("\\D", ""));
	}

	private static long id(JdbcClient jdbc, String query) {
		return jdbc.sql(query).query(Long.class).single();
	}

	/**
	 * Whether the person may open the thread, as far as the fixtures tell whatever the
	 * fuzzing assigned meanwhile: {@code false} only for the other student's thread asked
	 * for by the student, or anything asked for by nobody.
	 */
	boolean mayOpen(Who who, String id) {
		if (who == Who.ANONYMOUS) {
			return false;
		}
		return !(who == Who.STUDENT && id.strip().equals(String.valueOf(this.otherStudentsThread)));
	}

	/**
	 * Whether the person may see the picture of the account with this id, as far as the
	 * fixtures tell: {@code false} for the student asking for the other student's (who
	 * has one) or the victim's, with whom they share no thread, or anything asked for by
	 * nobody.
	 */
	boolean maySeePicture(Who who, String id) {
		if (who == Who.ANONYMOUS) {
			return false;
		}
		String owner = id.strip();
		return !(who == Who.STUDENT
				&& (owner.equals(String.valueOf(this.otherStudent)) || owner.equals(String.valueOf(this.victim))));
	}

	/** {@code false} for a fixture message asked for under the other fixture thread. */
	boolean messageOf(String thread, String message) {
		String t = thread.strip();
		String m = message.strip();
		if (t.equals(String.valueOf(this.studentThread))) {
			return !m.equals(String.valueOf(this.otherStudentsMessage));
		}
		if (t.equals(String.valueOf(this.otherStudentsThread))) {
			return !m.equals(String.valueOf(this.studentMessage));
		}
		return true;
	}

	/**
	 * The SHA-256 of a text's UTF-8, in hexadecimal, as the import's preview gives it.
	 */
	static String sha256(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
