package org.steadfast.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Security events (sign-ins, lockouts, refusals, sanctions, role changes) as one line each on the
 * {@code security} logger, so that they can be routed and kept apart from the application log.
 * A line is {@code event key="value" ...}: every value is quoted, and what a visitor typed can
 * neither end the line nor fake another field (control characters, line and paragraph separators
 * become {@code \}{@code uXXXX}, quotes and backslashes are escaped).
 */
public final class SecurityLog {

	public static final String LOGGER = "security";

	private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

	/** Long enough for any login or address; a longer value is cut, with a mark. */
	private static final int MAX_VALUE = 256;

	private SecurityLog() {
	}

	/** Logs one event with its fields, given as name, value, name, value... */
	public static void event(String event, Object... fields) {
		if (LOG.isInfoEnabled()) {
			LOG.info(line(event, fields));
		}
	}

	/** Logs the event once the current transaction commits (at once without one): a rolled-back change never happened. */
	public static void afterCommit(String event, Object... fields) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			event(event, fields);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				event(event, fields);
			}
		});
	}

	static String line(String event, Object... fields) {
		StringBuilder line = new StringBuilder(neutral(event, false));
		for (int i = 0; i + 1 < fields.length; i += 2) {
			line.append(' ').append(neutral(String.valueOf(fields[i]), false)).append("=\"")
					.append(neutral(fields[i + 1] == null ? "" : String.valueOf(fields[i + 1]), true)).append('"');
		}
		return line.toString();
	}

	private static String neutral(String text, boolean quoted) {
		StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_VALUE) + 8);
		int end = Math.min(text.length(), MAX_VALUE);
		for (int i = 0; i < end; i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT
					|| Character.isSurrogate(c) && !validPair(text, i)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else if (c == '"' || c == '\\' || !quoted && (c == ' ' || c == '=')) {
				out.append(quoted ? "\\" + c : "_");
			}
			else {
				out.append(c);
			}
		}
		if (text.length() > MAX_VALUE) {
			out.append("...");
		}
		return out.toString();
	}

	private static boolean validPair(String text, int i) {
		char c = text.charAt(i);
		return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
				: i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
	}
}
