package org.steadfast.accounts.web;

/** What the join form posts. Never an entity: role, id and flags cannot be smuggled in. */
record RegisterForm(String username, String email, String password, String timeZone) {

	static RegisterForm empty() {
		return new RegisterForm("", "", "", "");
	}

	/** The form to show again after an error: everything but the password. */
	RegisterForm withoutPassword() {
		return new RegisterForm(username, email, "", timeZone);
	}
}
