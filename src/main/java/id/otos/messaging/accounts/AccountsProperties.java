package id.otos.messaging.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code otos.accounts.*}: the largest profile picture accepted, in bytes.
 */
@ConfigurationProperties("otos.accounts")
public record AccountsProperties(@DefaultValue("2097152") long profilePictureMaxBytes) {

	public AccountsProperties {
		if (profilePictureMaxBytes <= 0 || profilePictureMaxBytes > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(
					"otos.accounts.profile-picture-max-bytes must be between 1 and about 2 GB, not "
							+ profilePictureMaxBytes);
		}
	}

	/** The limit as people read it: {@code 2 MB}, {@code 500 KB}, {@code 900 B}. */
	public String profilePictureMaxSize() {
		long bytes = this.profilePictureMaxBytes;
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		if (bytes >= 1024) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " B";
	}

}
