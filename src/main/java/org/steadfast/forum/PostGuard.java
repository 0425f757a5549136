package org.steadfast.forum;

import java.util.Set;
import org.steadfast.common.Refusal;

/**
 * A check that every write goes through, implemented by other modules (moderation) so that the
 * forum never depends on them: whether a member may write now, and what happens to a post's text
 * before it is stored (refused, held for a moderator, words replaced, crisis care).
 */
public interface PostGuard {

	/** Throws a {@link Refusal} (FORBIDDEN) when the member may not write now. */
	void checkCanWrite(long memberId);

	/** Decides about a post's text; throws a {@link Refusal} (INVALID) to refuse it with a message. */
	Screening screen(long authorId, String title, String body);

	/**
	 * What to store: the (possibly changed) body, whether it waits for a moderator, why, and
	 * whether it speaks of crisis (the author is then shown help at once; the post is never blocked for it).
	 */
	record Screening(String body, boolean hold, Set<String> reasons, boolean crisis) {

		public static Screening pass(String body) {
			return new Screening(body, false, Set.of(), false);
		}

		public boolean needsReview() {
			return hold || crisis || !reasons.isEmpty();
		}
	}
}
