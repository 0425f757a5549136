package org.steadfast.forum;

/** Whether a topic or post is shown. Only VISIBLE content reaches lists, search and mail. */
public enum ContentStatus {
	VISIBLE,
	/** Waiting for a moderator; only its author (and staff) see it. */
	PENDING,
	/** Hidden by a moderator. */
	HIDDEN,
	/** Deleted by its author: a placeholder keeps the thread readable. */
	DELETED
}
