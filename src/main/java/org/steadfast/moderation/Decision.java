package org.steadfast.moderation;

/** What a moderator can do from the review queue. */
public enum Decision {
	APPROVE, DISMISS, HIDE, DELETE, LOCK, UNLOCK, PIN, UNPIN, MOVE
}
