package id.otos.messaging.accounts.django;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Django's {@code SECRET_KEY} and {@code SECRET_KEY_FALLBACKS}, as the keys of the salted
 * HMAC-SHA256 that Django signs with ({@code django.utils.crypto.salted_hmac}): for a
 * salt, the key is SHA-256 of the salt followed by the secret. The current secret comes
 * first; a value made with a fallback is accepted too, as Django 4.1 and later accept it.
 */
public final class DjangoSecret {

	private final List<String> secrets;

	/**
	 * @param current Django's {@code SECRET_KEY}
	 * @param fallbacks Django's {@code SECRET_KEY_FALLBACKS}, possibly empty
	 */
	public DjangoSecret(String current, List<String> fallbacks) {
		if (current == null || current.isEmpty()) {
			throw new IllegalArgumentException("Django's SECRET_KEY is needed");
		}
		List<String> all = new ArrayList<>();
		all.add(current);
		all.addAll(fallbacks);
		this.secrets = List.copyOf(all);
	}

	/**
	 * The HMAC keys for a salt, the current secret's first.
	 * @param salt the salt Django passes to {@code salted_hmac}
	 * @return one key per secret
	 */
	List<SecretKeySpec> keys(String salt) {
		return this.secrets.stream().map((secret) -> key(salt, secret)).toList();
	}

	/**
	 * HMAC-SHA256 of the message under the key.
	 * @param key one of {@link #keys}
	 * @param message the bytes signed
	 * @return the 32-byte digest
	 */
	static byte[] hmac(SecretKeySpec key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", ex);
		}
	}

	private static SecretKeySpec key(String salt, String secret) {
		try {
			byte[] key = MessageDigest.getInstance("SHA-256").digest((salt + secret).getBytes(StandardCharsets.UTF_8));
			return new SecretKeySpec(key, "HmacSHA256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	@Override
	public String toString() {
		return "DjangoSecret[" + this.secrets.size() + " secret(s), not shown]";
	}

}
