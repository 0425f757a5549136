package org.steadfast.forum;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderation-like changes for other modules' tests, made through the entities (as a moderator's
 * action will be) so that everything watching them, such as the search index, sees them.
 */
@Component
public class ForumFixtures {

	private final TopicRepository topics;
	private final PostRepository posts;

	ForumFixtures(TopicRepository topics, PostRepository posts) {
		this.topics = topics;
		this.posts = posts;
	}

	@Transactional
	public void setTopicStatus(long topicId, ContentStatus status) {
		topics.findById(topicId).orElseThrow().followFirstPost(status);
	}

	@Transactional
	public void setVisibility(long topicId, Visibility visibility) {
		topics.findById(topicId).orElseThrow().showTo(visibility);
	}

	@Transactional
	public void setPostStatus(long postId, ContentStatus status) {
		posts.findById(postId).orElseThrow().setStatus(status);
	}

	@Transactional
	public void retitle(long topicId, String title) {
		topics.findById(topicId).orElseThrow().retitle(title);
	}
}
