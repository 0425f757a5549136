package org.steadfast.plans;

/** A plan action refused, with the form field at fault (or null) and the message key saying why. */
public class PlanException extends RuntimeException {

	public enum Reason {
		NOT_FOUND, FORBIDDEN, INVALID
	}

	private final Reason reason;
	private final String field;

	public PlanException(Reason reason, String field, String messageKey) {
		super(messageKey);
		this.reason = reason;
		this.field = field;
	}

	public static PlanException notFound() {
		return new PlanException(Reason.NOT_FOUND, null, "error.404.title");
	}

	public static PlanException invalid(String field, String messageKey) {
		return new PlanException(Reason.INVALID, field, messageKey);
	}

	public Reason reason() {
		return reason;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return getMessage();
	}
}
