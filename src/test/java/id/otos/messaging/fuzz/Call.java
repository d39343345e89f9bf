package id.otos.messaging.fuzz;

import java.util.ArrayList;
import java.util.List;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * One generated request before it is sent: who sends it, where, with what; and whether it
 * must be refused whatever else it carries (someone else's thread, a page above the
 * sender's role, no log-in).
 */
final class Call {

	final Who who;

	String method;

	String path;

	final List<Object> pathValues = new ArrayList<>();

	final MultiValueMap<String, String> params = new LinkedMultiValueMap<>();

	final List<MockMultipartFile> files = new ArrayList<>();

	boolean multipart;

	String accept = "text/html,application/xhtml+xml,*/*;q=0.8";

	String contentType;

	byte[] body;

	String mustBeRefusedBecause;

	Call(Who who, String method, String path, Object... pathValues) {
		this.who = who;
		this.method = method;
		this.path = path;
		this.pathValues.addAll(List.of(pathValues));
		if (who == Who.ANONYMOUS && !path.equals("/login") && !path.startsWith("/login/") && !path.equals("/logout")) {
			this.mustBeRefusedBecause = "nobody is logged in";
		}
	}

	Call param(String name, String value) {
		if (value != null) {
			this.params.add(name, value);
		}
		return this;
	}

	Call file(MockMultipartFile file) {
		this.files.add(file);
		this.multipart = true;
		return this;
	}

	Call multipart() {
		this.multipart = true;
		return this;
	}

	Call refusedWhen(boolean condition, String because) {
		if (condition && this.mustBeRefusedBecause == null) {
			this.mustBeRefusedBecause = because;
		}
		return this;
	}

	boolean isPost() {
		return "POST".equals(this.method);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(
				this.method + " " + this.path + " " + this.pathValues + " as " + this.who);
		this.params.forEach((name, values) -> values
			.forEach((value) -> text.append(" ").append(name).append("=").append(abbreviate(value))));
		this.files.forEach((file) -> text.append(" file ")
			.append(file.getName())
			.append("=")
			.append(abbreviate(file.getOriginalFilename()))
			.append(" (")
			.append(file.getContentType())
			.append(", ")
			.append(file.getSize())
			.append(" bytes)"));
		return text.toString();
	}

	static String abbreviate(String value) {
		String shown = (value.length() > 40) ? value.substring(0, 40) + "…(" + value.length() + " chars)" : value;
		StringBuilder escaped = new StringBuilder();
		shown.codePoints()
			.forEach((c) -> escaped.append((c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate((char) c)
					|| Character.getType(c) == Character.FORMAT) ? String.format("\\u%04x", c)
							: Character.toString(c)));
		return escaped.toString();
	}

	/** Who sends a request. */
	enum Who {

		ANONYMOUS(null), STUDENT("siswa1@otos.test"), TEACHER("guru1@otos.test"), OPERATOR("operator@otos.test"),
		ADMIN("admin@otos.test");

		final String email;

		Who(String email) {
			this.email = email;
		}

	}

}
