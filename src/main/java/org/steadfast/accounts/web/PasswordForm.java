package org.steadfast.accounts.web;

record PasswordForm(String currentPassword, String newPassword) {

	static PasswordForm empty() {
		return new PasswordForm("", "");
	}
}
