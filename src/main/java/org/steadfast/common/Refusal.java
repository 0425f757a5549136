package org.steadfast.common;

/**
 * An action Steadfast refuses, in any module: why (the {@link Reason}), the message key that tells
 * the member, and the form field at fault, if any. A controller that has a form shows it there with
 * the member's text kept; otherwise one handler turns it into the matching error page, never a 500.
 */
public class Refusal extends RuntimeException {

	public enum Reason {
		NOT_FOUND, FORBIDDEN, LOCKED, INVALID, TOO_FAST, CONFLICT,
		/** The database stayed too busy to take the write (locks), even after retries: try again. */
		BUSY
	}

	private final Reason reason;
	private final String field;
	private final String messageKey;

	public Refusal(Reason reason, String field, String messageKey) {
		super(messageKey);
		this.reason = reason;
		this.field = field;
		this.messageKey = messageKey;
	}

	public Refusal(Reason reason, String messageKey) {
		this(reason, null, messageKey);
	}

	/** Not there, or not for this reader: the page never says which. */
	public static Refusal notFound() {
		return new Refusal(Reason.NOT_FOUND, null, "error.404.title");
	}

	public static Refusal forbidden(String messageKey) {
		return new Refusal(Reason.FORBIDDEN, null, messageKey);
	}

	public static Refusal invalid(String field, String messageKey) {
		return new Refusal(Reason.INVALID, field, messageKey);
	}

	public static Refusal conflict(String messageKey) {
		return new Refusal(Reason.CONFLICT, null, messageKey);
	}

	/** A write that lost to concurrent ones every time it was tried; the form keeps the member's text. */
	public static Refusal busy(Throwable cause) {
		Refusal busy = new Refusal(Reason.BUSY, null, "posting.busy");
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

	/** Whether this is about the input, so a form can say it beside the field. */
	public boolean isAboutInput() {
		return reason == Reason.INVALID;
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
