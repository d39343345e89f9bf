package id.otos.messaging.threads;

import java.util.List;
import java.util.Map;

/**
 * "Usually answered within …" for every desk a new thread may go to that has enough
 * threads to say it: per category for academic questions, per type for the others.
 */
public record UsualWaits(Map<Long, UsualWait> byCategory, Map<ThreadType, UsualWait> byType) {

	public UsualWaits {
		byCategory = Map.copyOf(byCategory);
		byType = Map.copyOf(byType);
	}

	public boolean isEmpty() {
		return this.byCategory.isEmpty() && this.byType.isEmpty();
	}

	/**
	 * The types other than academic questions, in their order, that have a usual wait.
	 */
	public List<ThreadType> types() {
		return List.of(ThreadType.values()).stream().filter(this.byType::containsKey).toList();
	}

}
