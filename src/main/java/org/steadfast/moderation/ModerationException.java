package org.steadfast.moderation;

/** A moderation action refused: not found, not allowed, invalid input, or decided meanwhile by someone else. */
public class ModerationException extends RuntimeException {

	public enum Reason {
		NOT_FOUND, FORBIDDEN, INVALID, CONFLICT
	}

	private final Reason reason;

	public ModerationException(Reason reason, String messageKey) {
		super(messageKey);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	public String messageKey() {
		return getMessage();
	}
}
