package id.otos.messaging.accounts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Profile pictures stored in and read from a real database, up to the configured limit of
 * 2 MB; each test rolls back. Run on H2 and on PostgreSQL by the subclasses.
 */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
abstract class ProfilePicturesChecks {

	private static final int LIMIT = 2097152;

	@Autowired
	ProfilePictures pictures;

	@Autowired
	Accounts accounts;

	private long student;

	@BeforeEach
	void aStudentWithoutAPicture() {
		this.student = this.accounts.withRole(RoleName.STUDENT).get(0).id();
		assertThat(this.pictures.version(this.student)).isEmpty();
	}

	@Test
	void aPictureOfExactlyTheLimitIsStoredAndServedAsItWasDetected() throws IOException {
		byte[] png = PictureSamples.pngOfSize(LIMIT);

		String name = this.pictures.upload(this.student, new ByteArrayInputStream(png));

		assertThat(name).matches("profile_pictures/" + this.student + "-[0-9a-f]{10}\\.png");
		assertThat(this.accounts.details(this.student).orElseThrow().profilePicture()).isEqualTo(name);
		assertThat(this.pictures.content(this.student)).hasValueSatisfying((picture) -> {
			assertThat(picture.contentType()).isEqualTo("image/png");
			assertThat(picture.bytes()).isEqualTo(png);
			assertThat(picture.version()).isEqualTo(name.substring("profile_pictures/".length()));
		});
	}

	@Test
	void aPictureOneByteOverTheLimitChangesNothing() throws IOException {
		this.pictures.upload(this.student, new ByteArrayInputStream(PictureSamples.gif()));
		String before = this.pictures.version(this.student).orElseThrow();

		assertThatExceptionOfType(AccountException.class).isThrownBy(
				() -> this.pictures.upload(this.student, new ByteArrayInputStream(PictureSamples.pngOfSize(LIMIT + 1))))
			.satisfies((refusal) -> {
				assertThat(refusal.field()).isEqualTo("picture");
				assertThat(refusal.messageKey()).isEqualTo("profile.picture.error.too-large");
				assertThat(refusal.arguments()).containsExactly("2 MB");
			});
		assertThat(this.pictures.version(this.student)).contains(before);
		assertThat(this.pictures.content(this.student).orElseThrow().contentType()).isEqualTo("image/gif");
	}

	@Test
	void contentThatIsNotAnImageIsRefusedWhateverItClaimsToBe() {
		byte[] html = "<html><script>document.cookie</script></html>".getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> this.pictures.upload(this.student, new ByteArrayInputStream(html)))
			.satisfies((refusal) -> assertThat(refusal.messageKey()).isEqualTo("profile.picture.error.not-an-image"));
		assertThat(this.pictures.content(this.student)).isEmpty();
		assertThat(this.accounts.details(this.student).orElseThrow().profilePicture()).isNull();
	}

	@Test
	void aNewPictureReplacesTheOldOneUnderANewVersion() throws IOException {
		this.pictures.upload(this.student, new ByteArrayInputStream(PictureSamples.png()));
		String first = this.pictures.version(this.student).orElseThrow();

		this.pictures.upload(this.student, new ByteArrayInputStream(PictureSamples.webp()));

		assertThat(this.pictures.version(this.student)).isPresent().get().isNotEqualTo(first);
		assertThat(this.pictures.content(this.student).orElseThrow().contentType()).isEqualTo("image/webp");
	}

	@Test
	void aRemovedPictureIsGone() throws IOException {
		this.pictures.upload(this.student, new ByteArrayInputStream(PictureSamples.jpeg()));

		this.pictures.remove(this.student);

		assertThat(this.pictures.version(this.student)).isEmpty();
		assertThat(this.pictures.content(this.student)).isEmpty();
		assertThat(this.accounts.details(this.student).orElseThrow().hasProfilePicture()).isFalse();
	}

}
