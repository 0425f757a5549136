package org.steadfast.forum;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Refusal;
import org.steadfast.forum.ForumEvents.PostPublished;
import org.steadfast.forum.ForumEvents.StaffAction;

/**
 * What moderators and administrators do to topics and posts: decide on a post, pin, lock and move
 * a topic. Each action is announced ({@link StaffAction}) with the state before and after it, for
 * the audit log.
 */
@Service
public class TopicModeration {

	private final TopicRepository topics;
	private final PostRepository posts;
	private final CategoryRepository categories;
	private final TagService tags;
	private final ApplicationEventPublisher events;

	TopicModeration(TopicRepository topics, PostRepository posts, CategoryRepository categories, TagService tags,
			ApplicationEventPublisher events) {
		this.topics = topics;
		this.posts = posts;
		this.categories = categories;
		this.tags = tags;
		this.events = events;
	}

	/**
	 * A moderator's decision about a post: shown, hidden or deleted. The first post carries its
	 * topic with it, so hiding a topic's opening post hides the topic from lists too.
	 */
	@Transactional
	public void moderatePost(long actorId, long postId, ContentStatus status, String action, String reason) {
		Post post = posts.findById(postId).orElseThrow(Refusal::notFound);
		String before = post.getStatus().name();
		post.setStatus(status);
		events.publishEvent(new StaffAction(actorId, action, "POST", postId, reason, before, status.name()));
		Topic topic = topics.findById(post.getTopicId()).orElseThrow();
		if (post.getNumber() == 1) {
			topic.followFirstPost(status);
			topics.flush();
			tags.recount(topic.getTags().stream().map(Tag::getId).toList());
		}
		if (ContentStatus.PENDING.name().equals(before) && status == ContentStatus.VISIBLE) {
			events.publishEvent(new PostPublished(postId, topic.getId(), post.getAuthorId(), post.getNumber(),
					topic.getKind()));
		}
	}

	@Transactional
	public void move(long actorId, long topicId, long categoryId, String reason) {
		Topic topic = topics.findById(topicId).orElseThrow(Refusal::notFound);
		Category target = categories.findById(categoryId)
				.orElseThrow(() -> Refusal.invalid("categoryId", "category.unknown"));
		long before = topic.getCategoryId();
		topic.moveTo(target);
		events.publishEvent(new StaffAction(actorId, "topic.move", "TOPIC", topicId, reason,
				String.valueOf(before), String.valueOf(target.getId())));
	}

	@Transactional
	public void setPinned(long actorId, long topicId, boolean pinned, String reason) {
		Topic topic = topics.findById(topicId).orElseThrow(Refusal::notFound);
		String before = String.valueOf(topic.isPinned());
		if (pinned) {
			topic.pin();
		}
		else {
			topic.unpin();
		}
		events.publishEvent(new StaffAction(actorId, pinned ? "topic.pin" : "topic.unpin", "TOPIC", topicId,
				reason, before, String.valueOf(pinned)));
	}

	@Transactional
	public void setLocked(long actorId, long topicId, boolean locked, String reason) {
		Topic topic = topics.findById(topicId).orElseThrow(Refusal::notFound);
		String before = String.valueOf(topic.isLocked());
		if (locked) {
			topic.lock();
		}
		else {
			topic.unlock();
		}
		events.publishEvent(new StaffAction(actorId, locked ? "topic.lock" : "topic.unlock", "TOPIC", topicId,
				reason, before, String.valueOf(locked)));
	}
}
