package id.otos.messaging.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's profile pictures: PNG, JPEG, GIF or WebP (told apart by their content), up to
 * {@code otos.accounts.profile-picture-max-bytes}, stored in the database.
 */
@Service
public class ProfilePictures {

	private final ProfilePictureRepository pictures;

	private final UserRepository users;

	private final AccountsProperties properties;

	private final Clock clock;

	private final AccountHome home;

	ProfilePictures(ProfilePictureRepository pictures, UserRepository users, AccountsProperties properties, Clock clock,
			AccountHome home) {
		this.home = home;
		this.pictures = pictures;
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Makes the uploaded image the person's picture, replacing any earlier one. Content
	 * that is too large or not an accepted image changes nothing and is refused with an
	 * {@link AccountException} for the field {@code picture}.
	 * @param userId the person
	 * @param content the uploaded bytes; at most one byte more than the limit is read
	 * @return the stored name, e.g. {@code profile_pictures/42-1a2b3c4d5e.png}
	 * @throws IOException if the upload cannot be read
	 */
	@Transactional
	public String upload(long userId, InputStream content) throws IOException {
		this.home.requireManagedHere();
		User user = this.users.findById(userId).orElseThrow(() -> new AccountNotFoundException(userId));
		long limit = this.properties.profilePictureMaxBytes();
		byte[] bytes = content.readNBytes((int) limit + 1);
		if (bytes.length > limit) {
			throw new AccountException("picture", "profile.picture.error.too-large", maxSize());
		}
		if (bytes.length == 0) {
			throw new AccountException("picture", "profile.picture.error.missing");
		}
		PictureType type = PictureType.detect(bytes)
			.orElseThrow(() -> new AccountException("picture", "profile.picture.error.not-an-image"));
		ProfilePicture picture = this.pictures.findById(userId)
			.orElseGet(() -> new ProfilePicture(userId, type, bytes, this.clock.instant()));
		picture.replace(type, bytes, this.clock.instant());
		this.pictures.save(picture);
		String name = ProfilePicture.nameFor(userId, type, bytes);
		user.useProfilePicture(name);
		return name;
	}

	/** Takes away the person's picture, if they have one. */
	@Transactional
	public void remove(long userId) {
		this.home.requireManagedHere();
		User user = this.users.findById(userId).orElseThrow(() -> new AccountNotFoundException(userId));
		this.pictures.deleteById(userId);
		user.useProfilePicture(null);
	}

	/**
	 * The version of the person's current picture (cheap: no picture bytes are read), or
	 * empty if they have none.
	 */
	@Transactional(readOnly = true)
	public Optional<String> version(long userId) {
		return this.users.findProfilePictureName(userId)
			.filter((name) -> !name.isBlank())
			.map(ProfilePicture::versionOf);
	}

	/** The person's current picture, or empty if they have none stored here. */
	@Transactional(readOnly = true)
	public Optional<PictureContent> content(long userId) {
		Optional<String> name = this.users.findProfilePictureName(userId).filter((stored) -> !stored.isBlank());
		if (name.isEmpty()) {
			return Optional.empty();
		}
		return this.pictures.findById(userId)
			.map((picture) -> new PictureContent(picture.getContentType(), picture.getContent(),
					ProfilePicture.versionOf(name.get())));
	}

	/** The size limit in bytes. */
	public long maxBytes() {
		return this.properties.profilePictureMaxBytes();
	}

	/** The size limit as people read it, e.g. {@code 2 MB}. */
	public String maxSize() {
		return this.properties.profilePictureMaxSize();
	}

}
