package org.steadfast.accounts;

/** The username or email is already taken (possibly by a concurrent registration). */
public class DuplicateAccountException extends RuntimeException {

	private final String field;

	public DuplicateAccountException(String field) {
		super(field + " already taken");
		this.field = field;
	}

	/** The form field at fault: {@code username} or {@code email}. */
	public String field() {
		return field;
	}
}
