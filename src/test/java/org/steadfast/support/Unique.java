package org.steadfast.support;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A random run of letters that makes a title or tag unique to one test. Never digits: a title
 * ending in eight of them reads as a phone number and is held for a moderator, so a random hex
 * suffix fails a test in about one run in forty.
 */
public final class Unique {

	private Unique() {
	}

	public static String letters(int length) {
		var random = ThreadLocalRandom.current();
		var letters = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			letters.append((char) ('a' + random.nextInt(26)));
		}
		return letters.toString();
	}
}
