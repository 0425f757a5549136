package org.steadfast.forum;

import org.steadfast.accounts.CurrentMember;

/** Who is reading: decides what every query and page may show. */
public record Viewer(Long memberId, boolean staff) {

	public static final Viewer GUEST = new Viewer(null, false);

	public static Viewer current() {
		return CurrentMember.get().map(p -> new Viewer(p.id(), p.isStaff())).orElse(GUEST);
	}

	public boolean isMember() {
		return memberId != null;
	}

	public boolean is(Long id) {
		return memberId != null && memberId.equals(id);
	}

	/** Whether this viewer may read a topic at all. Status and visibility both apply. */
	public boolean canRead(Topic topic) {
		return canRead(topic.getAuthorId(), topic.getVisibility(), topic.getStatus());
	}

	public boolean canRead(Long authorId, Visibility visibility, ContentStatus status) {
		boolean own = is(authorId);
		if (status == ContentStatus.DELETED && !staff) {
			return false;
		}
		if ((status == ContentStatus.HIDDEN || status == ContentStatus.PENDING) && !own && !staff) {
			return false;
		}
		return switch (visibility) {
			case PUBLIC -> true;
			case MEMBERS -> isMember();
			// Partner access arrives with partnerships; until then partner-only means private.
			case PARTNER, PRIVATE -> own;
		};
	}
}
