package org.steadfast.forum;

import java.util.List;
import java.util.Set;

/** What happened in the forum, for other modules to react to (notifications, moderation, search). */
public final class ForumEvents {

	private ForumEvents() {
	}

	public record TopicStarted(long topicId, long authorId, TopicKind kind, Visibility visibility) {
	}

	public record PostCreated(long postId, long topicId, long authorId, int number, TopicKind kind) {
	}

	public record PostEdited(long postId, long topicId, long editorId) {
	}

	/**
	 * A held post that a moderator approved: it reaches readers now, as a new post would have
	 * (mentions, quotes). Published once per approval; listeners keep to "once per member".
	 */
	public record PostPublished(long postId, long topicId, long authorId, int number, TopicKind kind) {
	}

	/**
	 * An author removed one earlier version of their post. Carries who, which post and which
	 * version, never the text, so that the audit log keeps that it happened and nothing more.
	 */
	public record RevisionDeleted(long postId, long revisionId, long memberId) {
	}

	public record PostDeleted(long postId, long topicId, long memberId) {
	}

	/** A post that a guard held, flagged or recognised as a crisis: moderation queues it for review. */
	public record PostScreened(long postId, long topicId, long authorId, Set<String> reasons, boolean held,
			boolean crisis) {
	}

	/**
	 * A moderator's or administrator's action on forum content or structure, recorded in the audit
	 * log by the moderation module. {@code actorId} 0 is the system (e.g. a post hidden by flags).
	 */
	public record StaffAction(long actorId, String action, String targetType, long targetId, String reason,
			String before, String after) {
	}

	public record ReactionAdded(long postId, long postAuthorId, long memberId, ReactionKind kind) {
	}

	/**
	 * Topics changed by a bulk statement rather than through their entities (a tag renamed or
	 * merged), so that whoever keeps a copy of topic data (the search index) refreshes them.
	 */
	public record TopicsChanged(List<Long> topicIds) {
	}
}
