package org.steadfast.forum.web;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.ProfileSection;
import org.steadfast.forum.ForumQueries;
import org.steadfast.forum.Viewer;

/** The topics a member started, on their profile, as the reader may see them. */
@Component
class TopicsOnProfile implements ProfileSection {

	private final ForumQueries queries;

	TopicsOnProfile(ForumQueries queries) {
		this.queries = queries;
	}

	@Override
	public Content render(long memberId, int order) {
		return new Content("forum/_profile :: topics", Map.of("listing", queries.startedBy(Viewer.current(), memberId, 1)));
	}

	@Override
	public int order() {
		return 100;
	}
}
