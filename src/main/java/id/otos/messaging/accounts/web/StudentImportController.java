package id.otos.messaging.accounts.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.ImportProblem;
import id.otos.messaging.accounts.ImportRefusedException;
import id.otos.messaging.accounts.StudentImports;
import jakarta.validation.Validator;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An admin imports students from a CSV file ({@link StudentCsv}): the upload shows a
 * preview of every line with its problems and writes nothing; the preview's confirmation
 * carries the file's text back with its SHA-256 and a submission key, is checked again,
 * and creates all the students or none ({@link StudentImports}). Absent (404) when the
 * accounts are otos's or no mail server sends the invitations.
 */
@Controller
@RequestMapping("/admin/users/import")
class StudentImportController {

	private final StudentImports imports;

	private final Validator validator;

	StudentImportController(StudentImports imports, Validator validator) {
		this.imports = imports;
		this.validator = validator;
	}

	@ModelAttribute
	void requireAvailable(Model model) {
		if (!this.imports.available()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("columns", String.join(", ", StudentCsv.COLUMNS));
		model.addAttribute("maxStudents", StudentCsv.MAX_STUDENTS);
	}

	@GetMapping
	String upload() {
		return "accounts/import";
	}

	@PostMapping
	String preview(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		StudentCsv.Reading reading = (file == null || file.isEmpty())
				? StudentCsv.Reading.refused(ImportProblem.of("import.error.no-file"))
				: StudentCsv.read(
						(file.getSize() > StudentCsv.MAX_BYTES) ? new byte[StudentCsv.MAX_BYTES + 1] : file.getBytes(),
						this.validator);
		return page(reading, null, model);
	}

	@PostMapping("/confirm")
	String confirm(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String content,
			@RequestParam(defaultValue = "") String digest,
			@RequestParam(name = "submission_key", defaultValue = "") String submissionKey, Model model,
			RedirectAttributes redirect) {
		String text = decoded(content);
		if (text == null || !sha256(text).equals(digest) || submissionKey.isEmpty() || submissionKey.length() > 64) {
			model.addAttribute("fileProblem", ImportProblem.of("import.error.changed"));
			return "accounts/import";
		}
		StudentCsv.Reading reading = StudentCsv.read(text, this.validator);
		if (reading.fileProblem() != null || reading.lines().stream().anyMatch((line) -> !line.problems().isEmpty())) {
			return page(reading, null, model);
		}
		try {
			int created = importOnce(me.id(), submissionKey, digest, reading);
			redirect.addFlashAttribute("flashSuccess", "import.done");
			redirect.addFlashAttribute("flashSuccessArgument", created);
			return "redirect:/admin/users";
		}
		catch (ImportRefusedException refused) {
			return page(reading, refused.problems(), model);
		}
	}

	/**
	 * Imports, and once more if a racing confirmation of the same key (or an account made
	 * meanwhile) won: the second run finds the first's import, or refuses the lines.
	 */
	private int importOnce(long adminId, String submissionKey, String digest, StudentCsv.Reading reading) {
		try {
			return this.imports.importAll(adminId, submissionKey, digest, reading.students());
		}
		catch (DataIntegrityViolationException ex) {
			return this.imports.importAll(adminId, submissionKey, digest, reading.students());
		}
	}

	private String page(StudentCsv.Reading reading, List<List<ImportProblem>> checked, Model model) {
		if (reading.fileProblem() != null) {
			model.addAttribute("fileProblem", reading.fileProblem());
			return "accounts/import";
		}
		List<List<ImportProblem>> accounts = (checked != null) ? checked : this.imports.check(reading.students());
		List<PreviewLine> lines = new ArrayList<>();
		for (int i = 0; i < reading.lines().size(); i++) {
			StudentCsv.Line line = reading.lines().get(i);
			List<ImportProblem> problems = new ArrayList<>(line.problems());
			problems.addAll(accounts.get(i));
			lines.add(new PreviewLine(line.number(), line.student().username(), line.student().email(),
					line.student().firstName(), line.student().lastName(), problems));
		}
		boolean acceptable = lines.stream().allMatch((line) -> line.problems().isEmpty());
		model.addAttribute("lines", lines);
		model.addAttribute("acceptable", acceptable);
		model.addAttribute("refused", lines.stream().filter((line) -> !line.problems().isEmpty()).count());
		if (acceptable) {
			model.addAttribute("importContent",
					Base64.getEncoder().encodeToString(reading.text().getBytes(StandardCharsets.UTF_8)));
			model.addAttribute("digest", sha256(reading.text()));
			model.addAttribute("submissionKey", UUID.randomUUID().toString());
		}
		return "accounts/import";
	}

	/**
	 * The file's text as the preview carried it (base64, so that no browser changes its
	 * line ends), or {@code null} when it is not what a preview sent.
	 */
	private static String decoded(String content) {
		if (content.length() > StudentCsv.MAX_BYTES * 2) {
			return null;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.decode(java.nio.ByteBuffer.wrap(Base64.getDecoder().decode(content)))
				.toString();
		}
		catch (IllegalArgumentException | java.nio.charset.CharacterCodingException ex) {
			return null;
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

	/** One line of the preview. */
	record PreviewLine(long number, String username, String email, String firstName, String lastName,
			List<ImportProblem> problems) {

	}

}
