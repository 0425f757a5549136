package org.steadfast.forum;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs from titles. Cosmetic only: URLs are resolved by id, and a wrong slug redirects. */
public final class Slugs {

	static final int MAX = 80;

	private Slugs() {
	}

	public static String slugify(String title) {
		if (title == null) {
			return "topic";
		}
		String folded = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		String slug = folded.toLowerCase(Locale.ROOT)
				.replace("'", "")
				.replace("’", "")
				.replaceAll("[^a-z0-9]+", "-")
				.replaceAll("^-+|-+$", "");
		if (slug.length() > MAX) {
			slug = slug.substring(0, MAX);
			int cut = slug.lastIndexOf('-');
			if (cut > MAX / 2) {
				slug = slug.substring(0, cut);
			}
			slug = slug.replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "topic" : slug;
	}
}
