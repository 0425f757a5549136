package org.steadfast.forum.web;

import org.springframework.stereotype.Component;
import org.steadfast.forum.ForumProperties;
import org.steadfast.forum.ForumViews.TopicSummary;

/** Links that depend on paging settings, for templates: {@code ${@forumLinks.topicFor(t)}}. */
@Component("forumLinks")
class ForumLinks {

	private final ForumProperties properties;

	ForumLinks(ForumProperties properties) {
		this.properties = properties;
	}

	/** To the first unread post for a member who has read some of it; to the start otherwise. */
	public String topicFor(TopicSummary t) {
		if (!t.unreadByMember()) {
			return Links.topic(t.id(), t.slug(), 1);
		}
		int number = t.firstUnread();
		return Links.post(t.id(), t.slug(), (number - 1) / properties.getPostsPerPage() + 1, number);
	}
}
