package id.otos.messaging.threads;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores {@link ThreadType}, {@link ThreadStatus} and {@link Priority} by their codes.
 */
final class CodedConverters {

	private CodedConverters() {
	}

	abstract static class CodedConverter<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {

		private final Class<E> type;

		CodedConverter(Class<E> type) {
			this.type = type;
		}

		@Override
		public String convertToDatabaseColumn(E value) {
			return (value != null) ? value.code() : null;
		}

		@Override
		public E convertToEntityAttribute(String code) {
			return (code != null) ? Coded.fromCode(this.type, code) : null;
		}

	}

	@Converter
	static class ThreadTypeConverter extends CodedConverter<ThreadType> {

		ThreadTypeConverter() {
			super(ThreadType.class);
		}

	}

	@Converter
	static class ThreadStatusConverter extends CodedConverter<ThreadStatus> {

		ThreadStatusConverter() {
			super(ThreadStatus.class);
		}

	}

	@Converter
	static class PriorityConverter extends CodedConverter<Priority> {

		PriorityConverter() {
			super(Priority.class);
		}

	}

}
