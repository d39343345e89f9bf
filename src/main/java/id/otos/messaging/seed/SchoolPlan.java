package id.otos.messaging.seed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The generated school before it is written, all drawn from one fixed random seed so that
 * two runs give the same rows: who teaches what, and per thread its people, type, status,
 * priority, messages and read positions. People, categories and threads are indexes here;
 * {@link SchoolLoader} turns them into ids. Message ids ascend with their time across all
 * threads.
 */
final class SchoolPlan {

	static final List<String> CATEGORIES = List.of("Matematika", "Fisika", "Kimia", "Biologi", "Bahasa Indonesia",
			"Bahasa Inggris", "Sejarah", "Geografi", "Ekonomi", "Sosiologi", "Penalaran Umum", "Literasi Membaca");

	static final String[] OTHER_TYPES = { "technical", "report", "general" };

	static final long WINDOW_MILLIS = Duration.ofDays(90).toMillis();

	private static final int INDEX_BITS = 30;

	final SchoolSize size;

	/** Per teacher, the category indexes they teach (1 to 3). */
	final int[][] taught;

	// per thread
	final int[] student;

	/**
	 * Handler: teacher index for academic threads, operator index otherwise, -1 if none.
	 */
	final int[] handler;

	final String[] type;

	final int[] category;

	final String[] status;

	final String[] priority;

	final int[] firstMessage;

	final int[] messageCount;

	/**
	 * Index in the thread of the last message the student / handler read, -1 for none.
	 */
	final int[] studentRead;

	final int[] handlerRead;

	// per message, in generation order (thread by thread)
	final int[] threadOf;

	/** Milliseconds after the window's start. */
	final long[] offsetMillis;

	/** Message ids minus one, from generation order to the order of time. */
	final int[] rank;

	/** Generation order of the messages in the order of time. */
	final int[] byTime;

	long unreadMessages;

	SchoolPlan(SchoolSize size, long seed) {
		this.size = size;
		Random random = new Random(seed);
		int categories = CATEGORIES.size();
		this.taught = new int[size.teachers()][];
		List<List<Integer>> teachersOf = new ArrayList<>();
		for (int c = 0; c < categories; c++) {
			teachersOf.add(new ArrayList<>());
		}
		for (int t = 0; t < size.teachers(); t++) {
			int count = 1 + random.nextInt(3);
			int[] mine = new int[count];
			mine[0] = t % categories;
			for (int i = 1; i < count; i++) {
				int next;
				do {
					next = random.nextInt(categories);
				}
				while (contains(mine, i, next));
				mine[i] = next;
			}
			this.taught[t] = mine;
			for (int c : mine) {
				teachersOf.get(c).add(t);
			}
		}
		int threads = size.threads();
		this.student = new int[threads];
		this.handler = new int[threads];
		this.type = new String[threads];
		this.category = new int[threads];
		this.status = new String[threads];
		this.priority = new String[threads];
		this.messageCount = new int[threads];
		this.firstMessage = new int[threads];
		this.studentRead = new int[threads];
		this.handlerRead = new int[threads];
		long total = 0;
		for (int i = 0; i < threads; i++) {
			this.student[i] = random.nextInt(size.students());
			this.category[i] = -1;
			if (random.nextInt(100) < 60) {
				this.type[i] = "academic";
				int c;
				do {
					c = random.nextInt(categories);
				}
				while (teachersOf.get(c).isEmpty());
				this.category[i] = c;
				List<Integer> teachers = teachersOf.get(c);
				this.handler[i] = teachers.get(random.nextInt(teachers.size()));
			}
			else {
				this.type[i] = OTHER_TYPES[random.nextInt(OTHER_TYPES.length)];
				this.handler[i] = (random.nextInt(10) == 0) ? -1 : random.nextInt(SchoolSize.OPERATORS);
			}
			this.status[i] = (this.handler[i] < 0) ? "open" : pick(random, "open", 30, "pending", 15, "resolved", 25);
			this.priority[i] = pick(random, "low", 20, "normal", 50, "high", 20);
			this.messageCount[i] = (this.handler[i] < 0) ? 1 + random.nextInt(3) : 2 + random.nextInt(17);
			total += this.messageCount[i];
		}
		while (total != size.messages()) {
			int i = random.nextInt(threads);
			if (total < size.messages() && this.handler[i] >= 0) {
				this.messageCount[i]++;
				total++;
			}
			else if (total > size.messages() && this.messageCount[i] > 1) {
				this.messageCount[i]--;
				total--;
			}
		}
		int messages = size.messages();
		this.threadOf = new int[messages];
		this.offsetMillis = new long[messages];
		long[] keys = new long[messages];
		int next = 0;
		for (int i = 0; i < threads; i++) {
			this.firstMessage[i] = next;
			int n = this.messageCount[i];
			long start = (long) (random.nextDouble() * WINDOW_MILLIS);
			long span = Math.min(WINDOW_MILLIS - 1 - start,
					(long) (random.nextDouble() * Duration.ofDays(7).toMillis()));
			long[] times = new long[n];
			for (int j = 1; j < n; j++) {
				times[j] = (long) (random.nextDouble() * span);
			}
			Arrays.sort(times);
			for (int j = 0; j < n; j++) {
				this.threadOf[next] = i;
				this.offsetMillis[next] = start + times[j];
				keys[next] = (this.offsetMillis[next] << INDEX_BITS) | next;
				next++;
			}
			this.studentRead[i] = readPosition(random, n);
			this.handlerRead[i] = (this.handler[i] < 0) ? -1 : readPosition(random, n);
		}
		Arrays.sort(keys);
		this.rank = new int[messages];
		this.byTime = new int[messages];
		for (int r = 0; r < messages; r++) {
			int message = (int) (keys[r] & ((1L << INDEX_BITS) - 1));
			this.byTime[r] = message;
			this.rank[message] = r;
		}
		for (int m = 0; m < messages; m++) {
			if (isUnread(m)) {
				this.unreadMessages++;
			}
		}
	}

	/** The student writes first, then the handler and the student take turns. */
	boolean sentByStudent(int message) {
		int thread = this.threadOf[message];
		return this.handler[thread] < 0 || (message - this.firstMessage[thread]) % 2 == 0;
	}

	/** Whether the other person of the thread (student or handler) has read it. */
	boolean isReadByRecipient(int message) {
		int thread = this.threadOf[message];
		if (this.handler[thread] < 0) {
			return false;
		}
		int position = sentByStudent(message) ? this.handlerRead[thread] : this.studentRead[thread];
		return message - this.firstMessage[thread] <= position;
	}

	private boolean isUnread(int message) {
		return this.handler[this.threadOf[message]] >= 0 && !isReadByRecipient(message);
	}

	int lastMessage(int thread) {
		return this.firstMessage[thread] + this.messageCount[thread] - 1;
	}

	/**
	 * Six in ten people are behind in a thread, stopped anywhere before its end (or never
	 * opened it); that leaves about 30% of all messages unread by their recipient.
	 */
	private static int readPosition(Random random, int messages) {
		if (random.nextInt(10) < 4) {
			return messages - 1;
		}
		return random.nextInt(messages) - 1;
	}

	private static String pick(Random random, String first, int firstPercent, String second, int secondPercent,
			String third, int thirdPercent) {
		int roll = random.nextInt(100);
		if (roll < firstPercent) {
			return first;
		}
		if (roll < firstPercent + secondPercent) {
			return second;
		}
		if (roll < firstPercent + secondPercent + thirdPercent) {
			return third;
		}
		return "low".equals(first) ? "urgent" : "closed";
	}

	private static boolean contains(int[] values, int length, int value) {
		for (int i = 0; i < length; i++) {
			if (values[i] == value) {
				return true;
			}
		}
		return false;
	}

}
