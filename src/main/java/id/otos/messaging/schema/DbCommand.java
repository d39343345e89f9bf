package id.otos.messaging.schema;

/**
 * The {@code db} command: {@code db status}, {@code db validate}, {@code db migrate}.
 */
public final class DbCommand {

	private DbCommand() {
	}

	public static boolean isRequested(String[] args) {
		return args.length > 0 && "db".equals(args[0]);
	}

	public static int run(Class<?> application, String[] args) {
		throw new UnsupportedOperationException("db command: being written");
	}

}
