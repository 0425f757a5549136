package org.steadfast.moderation.matching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Literal phrases as word sequences, matched against the words of a text by an Aho-Corasick
 * automaton whose alphabet is words rather than characters. No phrase is ever compiled into a
 * regular expression and nothing is ever retried, so the work is proportional to the number of
 * words in the text plus the number of matches, however many phrases there are, however long they
 * are, and whatever the text looks like.
 *
 * <p>Each text is read four ways and the hits are merged: plainly folded and leet-folded, each with
 * and without spelled-out letters joined ("b a d"). The plain reading keeps "@idiot" and "bad!"
 * matching although the leet reading turns them into "aidiot" and "badi"; the leet reading catches
 * "b4d". Phrases are folded the same two ways, so the comparison is always like for like.
 */
final class PhraseIndex {

	/** One phrase occurrence: which phrase (its position in the constructor's list) and where, in original offsets. */
	record Hit(int phrase, int start, int end) {
	}

	private static final Comparator<Hit> IN_TEXT_ORDER = Comparator.comparingInt(Hit::start)
			.thenComparing(Comparator.comparingInt(Hit::end).reversed())
			.thenComparingInt(Hit::phrase);

	private final Map<String, Integer> vocabulary;
	private final Automaton plain;
	private final Automaton leet;

	PhraseIndex(List<String> phrases) {
		Map<String, Integer> words = new HashMap<>();
		Automaton.Builder plainBuilder = new Automaton.Builder();
		Automaton.Builder leetBuilder = new Automaton.Builder();
		for (int id = 0; id < phrases.size(); id++) {
			String phrase = phrases.get(id);
			Set<String> variants = new LinkedHashSet<>();
			variants.add(phrase);
			String bare = Tokens.withoutApostrophes(phrase);
			if (bare != null) {
				variants.add(bare);
			}
			for (String variant : variants) {
				plainBuilder.add(ids(Tokens.of(Normalizer.foldWithOffsets(variant)).words, words), id);
				leetBuilder.add(ids(Tokens.of(Normalizer.foldLeetWithOffsets(variant)).words, words), id);
			}
		}
		this.vocabulary = Map.copyOf(words);
		this.plain = plainBuilder.build();
		this.leet = leetBuilder.build();
	}

	private static int[] ids(String[] words, Map<String, Integer> vocabulary) {
		int[] ids = new int[words.length];
		for (int i = 0; i < words.length; i++) {
			ids[i] = vocabulary.computeIfAbsent(words[i], w -> vocabulary.size());
		}
		return ids;
	}

	/** Every occurrence of every phrase, in text order, longest first at equal starts, each once. */
	List<Hit> find(String text) {
		if (vocabulary.isEmpty()) {
			return List.of();
		}
		FoldedText folded = Normalizer.foldWithOffsets(text);
		Set<Hit> hits = new HashSet<>();
		readEachWay(plain, Tokens.of(folded), hits);
		readEachWay(leet, Tokens.of(Normalizer.leet(folded)), hits);
		List<Hit> sorted = new ArrayList<>(hits);
		sorted.sort(IN_TEXT_ORDER);
		return sorted;
	}

	private void readEachWay(Automaton automaton, Tokens words, Set<Hit> hits) {
		automaton.scan(words, vocabulary, hits);
		Tokens joined = words.joinSpelledOut();
		if (joined != words) {
			automaton.scan(joined, vocabulary, hits);
		}
	}

	/** Immutable once built, which is what makes the index safe to share between threads. */
	private static final class Automaton {

		private static final int ROOT = 0;
		private static final int NONE = -1;

		/** Per state, the word ids it has transitions on (sorted) and the states they lead to. */
		private final int[][] keys;
		private final int[][] targets;
		/** Per state, the longest proper suffix of its word sequence that is also a state. */
		private final int[] fail;
		/** Per state, the nearest state down the fail chain where a phrase ends, or ROOT for none. */
		private final int[] nextOutput;
		/** Per state, the phrases ending exactly there, and how many words they have. */
		private final int[][] phrases;
		private final int[] depth;

		private Automaton(int[][] keys, int[][] targets, int[] fail, int[] nextOutput, int[][] phrases, int[] depth) {
			this.keys = keys;
			this.targets = targets;
			this.fail = fail;
			this.nextOutput = nextOutput;
			this.phrases = phrases;
			this.depth = depth;
		}

		private int next(int state, int word) {
			int at = Arrays.binarySearch(keys[state], word);
			return at >= 0 ? targets[state][at] : NONE;
		}

		void scan(Tokens words, Map<String, Integer> vocabulary, Set<Hit> hits) {
			if (keys[ROOT].length == 0) {
				return;
			}
			FoldedText source = words.source;
			int state = ROOT;
			for (int j = 0; j < words.size(); j++) {
				Integer word = vocabulary.get(words.words[j]);
				if (word == null) {
					state = ROOT;
					continue;
				}
				int target = next(state, word);
				while (target == NONE && state != ROOT) {
					state = fail[state];
					target = next(state, word);
				}
				state = target == NONE ? ROOT : target;
				for (int out = phrases[state].length > 0 ? state : nextOutput[state]; out != ROOT; out = nextOutput[out]) {
					int start = source.originalStart(words.starts[j - depth[out] + 1]);
					int end = source.originalEnd(words.ends[j]);
					for (int phrase : phrases[out]) {
						hits.add(new Hit(phrase, start, end));
					}
				}
			}
		}

		static final class Builder {

			private final List<Map<Integer, Integer>> children = new ArrayList<>();
			private final List<int[]> phrases = new ArrayList<>();
			private final List<Integer> depth = new ArrayList<>();

			Builder() {
				newState(0);
			}

			private int newState(int stateDepth) {
				children.add(new HashMap<>());
				phrases.add(new int[0]);
				depth.add(stateDepth);
				return children.size() - 1;
			}

			void add(int[] words, int phrase) {
				if (words.length == 0) {
					return;
				}
				int state = ROOT;
				for (int i = 0; i < words.length; i++) {
					Integer next = children.get(state).get(words[i]);
					if (next == null) {
						next = newState(i + 1);
						children.get(state).put(words[i], next);
					}
					state = next;
				}
				int[] ending = phrases.get(state);
				if (Arrays.stream(ending).noneMatch(p -> p == phrase)) {
					int[] grown = Arrays.copyOf(ending, ending.length + 1);
					grown[ending.length] = phrase;
					phrases.set(state, grown);
				}
			}

			Automaton build() {
				int size = children.size();
				int[][] keys = new int[size][];
				int[][] targets = new int[size][];
				for (int state = 0; state < size; state++) {
					keys[state] = children.get(state).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
					targets[state] = new int[keys[state].length];
					for (int k = 0; k < keys[state].length; k++) {
						targets[state][k] = children.get(state).get(keys[state][k]);
					}
				}
				int[] fail = new int[size];
				int[] nextOutput = new int[size];
				int[][] ending = phrases.toArray(int[][]::new);
				// Breadth first, so that every state's fail link is known before its children need it.
				ArrayDeque<Integer> queue = new ArrayDeque<>();
				for (int child : targets[ROOT]) {
					fail[child] = ROOT;
					nextOutput[child] = ROOT;
					queue.add(child);
				}
				Automaton partial = new Automaton(keys, targets, fail, nextOutput, ending, null);
				while (!queue.isEmpty()) {
					int state = queue.poll();
					for (int k = 0; k < keys[state].length; k++) {
						int word = keys[state][k];
						int child = targets[state][k];
						int f = fail[state];
						int target = partial.next(f, word);
						while (target == NONE && f != ROOT) {
							f = fail[f];
							target = partial.next(f, word);
						}
						fail[child] = target == NONE ? ROOT : target;
						nextOutput[child] = ending[fail[child]].length > 0 ? fail[child] : nextOutput[fail[child]];
						queue.add(child);
					}
				}
				return new Automaton(keys, targets, fail, nextOutput, ending, depth.stream().mapToInt(Integer::intValue).toArray());
			}
		}
	}
}
