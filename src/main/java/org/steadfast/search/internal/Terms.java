package org.steadfast.search.internal;

import java.util.List;
import org.steadfast.search.internal.Synonyms.Slot;

/**
 * What the text of a search matches: its slots (typed words and their synonyms), its quoted
 * phrases, and the typo alternatives of its typed words.
 */
public record Terms(List<Slot> slots, List<String> phrases, Typos typos) {

	public static final Terms NONE = new Terms(List.of(), List.of(), Typos.NONE);

	public static Terms of(QueryText query, Synonyms synonyms, Spelling spelling) {
		List<Slot> slots = spelling.withDistinctSynonyms(query.slots(synonyms));
		List<String> single = slots.stream().filter(s -> !s.phrase()).map(Slot::typed).toList();
		return new Terms(slots, query.phrases(), spelling.typos(single));
	}

	/** The same slots and phrases matched exactly as typed. */
	public Terms withoutTypos() {
		return new Terms(slots, phrases, Typos.NONE);
	}

	public boolean isEmpty() {
		return slots.isEmpty() && phrases.isEmpty();
	}
}
