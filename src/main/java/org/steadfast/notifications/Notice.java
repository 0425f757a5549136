package org.steadfast.notifications;

/**
 * One thing to tell one member. {@code actorId} is who caused it (null for the system), so that
 * members who blocked each other never hear of one another; {@code topicId} and {@code postId}
 * make the notification disappear if the reader may no longer see them; {@code link} is a path
 * on this site for kinds without a post (partner events); {@code detail} a short value the
 * message shows (a reaction, a number of days, a decision).
 */
public record Notice(long recipientId, NotificationKind kind, Long actorId, Long topicId, Long postId, String link,
		String detail) {

	public static Notice about(long recipientId, NotificationKind kind, Long actorId, Long topicId, Long postId) {
		return new Notice(recipientId, kind, actorId, topicId, postId, null, null);
	}

	public Notice withDetail(String value) {
		return new Notice(recipientId, kind, actorId, topicId, postId, link, value);
	}

	/** For kinds that point somewhere other than a post, e.g. {@code /partners}. */
	public static Notice linked(long recipientId, NotificationKind kind, Long actorId, String link) {
		return new Notice(recipientId, kind, actorId, null, null, link, null);
	}
}
