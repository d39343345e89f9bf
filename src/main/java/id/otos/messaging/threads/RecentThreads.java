package id.otos.messaging.threads;

import java.time.Instant;

/**
 * The threads a student opened themselves since some time: how many, and when the first
 * of them was opened ({@code null} when none).
 */
record RecentThreads(long count, Instant earliest) {

}
