package id.otos.messaging.threads;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whose profile picture a person may see: their own; everyone's if they are an operator
 * or an admin; and otherwise the pictures of the people who take part in a thread they
 * may open (its student, its handler, anyone who wrote in it): a student sees those who
 * answer them, a teacher the students of their categories' threads. Decided in one
 * statement with the access rule's SQL twin ({@link DeskQuery#openable}).
 */
@Service
public class PictureAudience {

	private final JdbcClient jdbc;

	PictureAudience(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether the viewer may see the person's picture.
	 * @param viewer who looks
	 * @param ownerId whose picture
	 * @return whether they may
	 */
	@Transactional(readOnly = true)
	public boolean maySee(Viewer viewer, long ownerId) {
		if (viewer.userId() == ownerId || viewer.isStaff()) {
			return true;
		}
		DeskQuery openable = DeskQuery.openable(viewer);
		Map<String, Object> parameters = new HashMap<>(openable.parameters());
		parameters.put("owner", ownerId);
		return this.jdbc.sql("""
				select count(*) from otosapp_messagethread t
				where %s
				  and (t.student_id = :owner or t.teacher_or_admin_id = :owner
				       or exists (select 1 from otosapp_message m where m.thread_id = t.id and m.sender_id = :owner))
				""".formatted(openable.condition())).params(parameters).query(Long.class).single() > 0;
	}

}
