package id.otos.messaging.threads;

import java.util.Arrays;

/**
 * An enum stored by a short code, as the original stored its choices.
 */
interface Coded {

	String code();

	static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
		return Arrays.stream(type.getEnumConstants())
			.filter((value) -> value.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown " + type.getSimpleName() + " '" + code + "'"));
	}

}
