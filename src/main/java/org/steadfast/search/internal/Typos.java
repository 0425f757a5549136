package org.steadfast.search.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a search forgives typos. With the Lucene backend, a word that occurs in no post is also
 * matched as the few words of the forum's vocabulary closest to it, looked up once per search;
 * fuzzy queries would rebuild their automata for every field, every snippet and every highlight.
 * Where the vocabulary cannot be read, fuzzy matching does the same job, at that cost.
 *
 * @param unknown the typed words that occur nowhere in the forum
 * @param alternatives for each unknown word, the known words a slip or two away, best first
 * @param fuzzy whether to match every word fuzzily instead
 */
public record Typos(Set<String> unknown, Map<String, List<String>> alternatives, boolean fuzzy) {

	/** Words matched exactly as typed. */
	public static final Typos NONE = new Typos(Set.of(), Map.of(), false);

	/** Words matched fuzzily: for backends without a readable vocabulary. */
	public static final Typos FUZZY = new Typos(Set.of(), Map.of(), true);

	public List<String> alternativesOf(String word) {
		return alternatives.getOrDefault(word, List.of());
	}
}
