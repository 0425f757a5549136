package org.steadfast.forum;

/** A write the forum refuses, with the message key that tells the member why (and the field at fault, if any). */
public class ForumException extends RuntimeException {

	public enum Reason {
		NOT_FOUND, FORBIDDEN, LOCKED, INVALID, TOO_FAST, CONFLICT,
		/** The database stayed too busy to take the write (locks), even after retries: try again. */
		BUSY
	}

	private final Reason reason;
	private final String field;
	private final String messageKey;

	public ForumException(Reason reason, String field, String messageKey) {
		super(messageKey);
		this.reason = reason;
		this.field = field;
		this.messageKey = messageKey;
	}

	public static ForumException notFound() {
		return new ForumException(Reason.NOT_FOUND, null, "error.404.title");
	}

	public static ForumException forbidden(String messageKey) {
		return new ForumException(Reason.FORBIDDEN, null, messageKey);
	}

	public static ForumException invalid(String field, String messageKey) {
		return new ForumException(Reason.INVALID, field, messageKey);
	}

	/** A write that lost to concurrent ones every time it was tried; the form keeps the member's text. */
	public static ForumException busy(Throwable cause) {
		ForumException busy = new ForumException(Reason.BUSY, null, "posting.busy");
		busy.initCause(cause);
		return busy;
	}

	/** The HTTP status a page answers with when this refusal can't be shown on a form. */
	public int httpStatus() {
		return switch (reason) {
			case NOT_FOUND -> 404;
			case FORBIDDEN, LOCKED -> 403;
			case TOO_FAST -> 429;
			case CONFLICT -> 409;
			case INVALID -> 400;
			case BUSY -> 503;
		};
	}

	public Reason reason() {
		return reason;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}
}
