package org.steadfast.moderation.matching;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Notices posts that talk about suicide or self-harm, so that the caller can offer support and
 * crisis resources. Matching works exactly like watched words (folded, whole words, phrases across
 * punctuation, linear time). A gentle prompt shown once too often costs far less than one not
 * shown, so the list leans towards catching; the exceptions only remove idioms that are common in
 * this community and clearly not about self-harm, such as "I cut myself off from him".
 */
public final class CrisisDetector {

	private final List<String> phrases;
	private final PhraseIndex index;
	private final PhraseIndex exceptions;

	/** A detector over the given phrases, with {@link #defaultExceptions()}. */
	public CrisisDetector(Collection<String> phrases) {
		this(phrases, defaultExceptions());
	}

	/**
	 * A detector over the given phrases. A phrase occurrence that lies wholly inside an occurrence of
	 * an exception is not reported; pass an empty list for none.
	 */
	public CrisisDetector(Collection<String> phrases, Collection<String> exceptions) {
		this.phrases = List.copyOf(phrases);
		this.index = new PhraseIndex(this.phrases);
		this.exceptions = new PhraseIndex(List.copyOf(exceptions));
	}

	/** A detector over {@link #defaultPhrases()} and {@link #defaultExceptions()}. */
	public static CrisisDetector withDefaultPhrases() {
		return new CrisisDetector(defaultPhrases());
	}

	public boolean matches(String text) {
		return !hits(text).isEmpty();
	}

	/** The configured phrases that occur in the text, spelled as configured, each once, in order of first occurrence. */
	public List<String> matchedPhrases(String text) {
		BitSet seen = new BitSet(phrases.size());
		List<String> matched = new ArrayList<>();
		for (PhraseIndex.Hit hit : hits(text)) {
			if (!seen.get(hit.phrase())) {
				seen.set(hit.phrase());
				matched.add(phrases.get(hit.phrase()));
			}
		}
		return matched;
	}

	private List<PhraseIndex.Hit> hits(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<PhraseIndex.Hit> hits = index.find(text);
		if (hits.isEmpty()) {
			return hits;
		}
		List<PhraseIndex.Hit> excused = exceptions.find(text);
		if (excused.isEmpty()) {
			return hits;
		}
		// Both lists are sorted by start, so one forward pass pairs each hit with the exceptions that
		// could contain it; the furthest-reaching exception started so far is the only one that matters.
		List<PhraseIndex.Hit> kept = new ArrayList<>(hits.size());
		int next = 0;
		int reach = -1;
		for (PhraseIndex.Hit hit : hits) {
			while (next < excused.size() && excused.get(next).start() <= hit.start()) {
				reach = Math.max(reach, excused.get(next).end());
				next++;
			}
			if (hit.end() > reach) {
				kept.add(hit);
			}
		}
		return kept;
	}

	/**
	 * An English starting list. Inflections are listed rather than stemmed ("kill myself", "killing
	 * myself", "killed myself"), because stemming "kill" would also catch "this job is killing me".
	 * Entries name the speaker's own life or body, or are unambiguous words such as "suicidal". Left
	 * out on purpose: "die" alone ("I'd die for pizza"); "take my life" ("take my life back" is how
	 * members talk about recovery); "don't want to live" without "anymore" ("...with my parents");
	 * phrases this community uses every day about the breakup itself, such as "I can't do this
	 * anymore" or "end things"; "kms", which is also kilometres; and "kys", which is abuse aimed at
	 * someone else and belongs in the watched words. "self harm" and "self-harm" are the same words
	 * once folded, so both are reported when either occurs. Apostrophe-free spellings ("cant go on")
	 * match automatically.
	 */
	public static List<String> defaultPhrases() {
		return List.of(
				"suicide", "suicidal",
				"kill myself", "killing myself", "killed myself",
				"end my life", "ending my life", "end it all", "ending it all",
				"take my own life", "taking my own life",
				"want to die", "wanna die", "wanted to die", "wanting to die", "want to be dead",
				"wish i was dead", "wish i were dead", "better off dead", "better off without me",
				"don't want to live anymore", "don't want to be alive", "no reason to live", "nothing to live for",
				"not worth living", "isn't worth living", "no point in living",
				"can't go on", "cannot go on",
				"self harm", "self-harm", "selfharm", "self harming", "self harmed",
				"cut myself", "cutting myself", "hurt myself", "hurting myself", "harm myself", "harming myself",
				"slit my wrists", "slit my wrist", "hang myself", "hanging myself", "shoot myself",
				"overdose", "overdosing", "overdosed",
				"unalive", "unaliving");
	}

	/** Idioms that contain a default phrase but are not about self-harm. */
	public static List<String> defaultExceptions() {
		return List.of(
				"cut myself off", "cutting myself off", "cut myself out", "cutting myself out",
				"kill myself laughing", "killing myself laughing", "killed myself laughing");
	}

	/** The phrases this detector was built from. */
	public List<String> phrases() {
		return phrases;
	}
}
