package id.otos.messaging.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProfilePictureTests {

	@Test
	void storedNamesFollowDjangosUploadFolderWithTheUserAndAContentHash() {
		String name = ProfilePicture.nameFor(42, PictureType.PNG, PictureSamples.png());

		assertThat(name).matches("profile_pictures/42-[0-9a-f]{10}\\.png");
		assertThat(name.length()).isLessThanOrEqualTo(100);
	}

	@Test
	void anotherPictureGetsAnotherNameAndSoAnotherVersion() {
		String first = ProfilePicture.nameFor(42, PictureType.PNG, PictureSamples.png());
		String second = ProfilePicture.nameFor(42, PictureType.GIF, PictureSamples.gif());

		assertThat(second).endsWith(".gif").isNotEqualTo(first);
		assertThat(ProfilePicture.versionOf(second)).isNotEqualTo(ProfilePicture.versionOf(first));
	}

	@Test
	void theVersionIsTheFileName() {
		assertThat(ProfilePicture.versionOf("profile_pictures/42-0a1b2c3d4e.jpg")).isEqualTo("42-0a1b2c3d4e.jpg");
		assertThat(ProfilePicture.versionOf("avatar.jpg")).isEqualTo("avatar.jpg");
	}

	@Test
	void theSizeLimitReadsAsPeopleWriteIt() {
		assertThat(new AccountsProperties(2097152).profilePictureMaxSize()).isEqualTo("2 MB");
		assertThat(new AccountsProperties(512 * 1024).profilePictureMaxSize()).isEqualTo("512 KB");
		assertThat(new AccountsProperties(900).profilePictureMaxSize()).isEqualTo("900 B");
	}

	@Test
	void aLimitOfNothingIsAConfigurationError() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AccountsProperties(0));
	}

}
