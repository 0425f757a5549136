package org.steadfast.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The forum's own vocabulary: groups of words and phrases members use for the same thing
 * ({@code search/synonyms.txt}). Applied to queries only, by the search itself rather than an
 * analyzer, so that every backend does the same and the index needs no rebuild when it changes.
 */
public final class Synonyms {

	public static final Synonyms NONE = new Synonyms(List.of());

	/** Each group as lists of lower-case words. */
	private final List<List<List<String>>> groups;

	Synonyms(List<List<List<String>>> groups) {
		this.groups = groups;
	}

	public static Synonyms load(String resource) {
		try (InputStream in = Synonyms.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Synonyms parse(String text) {
		List<List<List<String>>> groups = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.strip().startsWith("#")) {
				continue;
			}
			List<List<String>> group = new ArrayList<>();
			for (String entry : line.split(",")) {
				List<String> words = words(entry);
				if (!words.isEmpty()) {
					group.add(words);
				}
			}
			if (group.size() > 1) {
				groups.add(List.copyOf(group));
			}
		}
		return new Synonyms(List.copyOf(groups));
	}

	/**
	 * One thing looked for: what was typed (a word, or the words of a synonym phrase) and what
	 * else means the same.
	 */
	public record Slot(String typed, List<String> alternatives) {

		public boolean phrase() {
			return typed.indexOf(' ') >= 0;
		}
	}

	/**
	 * The typed words as slots, in order: a run of words that is a known phrase or word becomes
	 * one slot with its synonyms; stop words outside such runs are left out.
	 */
	public List<Slot> slots(List<String> typed, Predicate<String> stopWord) {
		List<String> lower = typed.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
		List<Slot> slots = new ArrayList<>();
		int i = 0;
		while (i < lower.size()) {
			Slot longest = null;
			int length = 0;
			for (List<List<String>> group : groups) {
				for (List<String> entry : group) {
					if (entry.size() > length && startsAt(lower, i, entry)) {
						longest = new Slot(String.join(" ", typed.subList(i, i + entry.size())), others(group, entry));
						length = entry.size();
					}
				}
			}
			if (longest != null) {
				slots.add(longest);
				i += length;
				continue;
			}
			if (!stopWord.test(lower.get(i))) {
				slots.add(new Slot(typed.get(i), List.of()));
			}
			i++;
		}
		return slots;
	}

	private static boolean startsAt(List<String> words, int at, List<String> entry) {
		return at + entry.size() <= words.size() && words.subList(at, at + entry.size()).equals(entry);
	}

	private static List<String> others(List<List<String>> group, List<String> matched) {
		return group.stream().filter(e -> !e.equals(matched)).map(e -> String.join(" ", e)).toList();
	}

	private static List<String> words(String entry) {
		return Arrays.stream(entry.strip().toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
	}
}
