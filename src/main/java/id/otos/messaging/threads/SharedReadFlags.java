package id.otos.messaging.threads;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

import id.otos.messaging.accounts.RoleName;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read positions made from the original otos's shared {@code is_read} flags, once, when
 * an otos database is adopted (decision 0015). The original kept one flag per message,
 * set for everybody when anyone but its sender opened the thread; here each person has a
 * read position per thread. For every person and every thread on their desk (the desk
 * rule of {@link DeskQuery}, for everyone at once) and every thread they wrote in, the
 * position is put where that person's unread messages in the thread are exactly as many
 * as the messages others sent there that the original shows as unread: the last {@code u}
 * such messages are unread, where {@code u} is that number. A student's count is
 * therefore the original's, thread by thread; where the flags were not in order (a later
 * message read, an earlier one not), the same number of messages are unread, the newest
 * ones.
 */
public final class SharedReadFlags {

	private SharedReadFlags() {
	}

	/**
	 * Writes the read positions; the database has none yet.
	 * @param jdbc the adoption's connection
	 * @param at the time to record as read
	 * @return how many read positions were written
	 */
	public static int toReadPositions(JdbcClient jdbc, Instant at) {
		return jdbc.sql("""
				insert into otos_thread_read (thread_id, user_id, last_read_message_id, read_at)
				select ranked.thread_id, ranked.user_id, ranked.id, :at
				from (select p.thread_id, p.user_id, m.id,
				             row_number() over (partition by p.user_id, p.thread_id order by m.id desc) as newest_first,
				             count(*) filter (where not m.is_read)
				                 over (partition by p.user_id, p.thread_id) as unread
				      from (%s) p
				      join otosapp_message m on m.thread_id = p.thread_id and m.sender_id <> p.user_id) ranked
				where ranked.newest_first = ranked.unread + 1
				""".formatted(pairs())).param("at", Timestamp.from(at)).update();
	}

	/** Every person with every thread on their desk, and every thread they wrote in. */
	static String pairs() {
		String desks = Arrays.stream(RoleName.values())
			.filter((role) -> role != RoleName.VISITOR)
			.map((role) -> """
					select u.id as user_id, t.id as thread_id
					from otosapp_user u
					join otosapp_role r on r.id = u.role_id and r.role_name = '%s'
					join otosapp_messagethread t on %s""".formatted(role.storedName(),
					DeskQuery.forEveryoneAtAdoption(role)))
			.collect(Collectors.joining("\nunion\n"));
		return desks + "\nunion\nselect distinct m.sender_id as user_id, m.thread_id from otosapp_message m";
	}

}
