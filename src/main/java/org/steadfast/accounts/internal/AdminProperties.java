package org.steadfast.accounts.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator ({@code steadfast.admin.*}, from STEADFAST_ADMIN_USERNAME, _EMAIL and
 * _PASSWORD). There is no default: without all three, no administrator is created.
 */
@ConfigurationProperties("steadfast.admin")
public class AdminProperties {

	/** Their username. */
	private String username = "";
	/** Their email address. */
	private String email = "";
	/** Their password, set again at every start. */
	private String password = "";

	public String getUsername() { return username; }
	public void setUsername(String v) { username = v; }
	public String getEmail() { return email; }
	public void setEmail(String v) { email = v; }
	public String getPassword() { return password; }
	public void setPassword(String v) { password = v; }

	/** Whether all three are given. */
	boolean complete() {
		return !isBlank(username) && !isBlank(email) && !isBlank(password);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}
}
