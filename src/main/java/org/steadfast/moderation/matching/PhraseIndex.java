package org.steadfast.moderation.matching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Literal phrases as word sequences in a trie, matched against the words of a text. A phrase is
 * never compiled into a regular expression, so no phrase can make matching slow: each text word
 * starts at most one walk down the trie, and a walk is never longer than the longest phrase, which
 * bounds the work by (words in the text) x (words in the longest phrase).
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

	private final Node plain;
	private final Node leet;

	PhraseIndex(List<String> phrases) {
		Node plainRoot = new Node();
		Node leetRoot = new Node();
		for (int id = 0; id < phrases.size(); id++) {
			String phrase = phrases.get(id);
			Set<String> variants = new LinkedHashSet<>();
			variants.add(phrase);
			String bare = Tokens.withoutApostrophes(phrase);
			if (bare != null) {
				variants.add(bare);
			}
			for (String variant : variants) {
				plainRoot.insert(Tokens.of(Normalizer.foldWithOffsets(variant)).words, id);
				leetRoot.insert(Tokens.of(Normalizer.foldLeetWithOffsets(variant)).words, id);
			}
		}
		plainRoot.freeze();
		leetRoot.freeze();
		this.plain = plainRoot;
		this.leet = leetRoot;
	}

	/** Every occurrence of every phrase, in text order, longest first at equal starts, each once. */
	List<Hit> find(String text) {
		FoldedText folded = Normalizer.foldWithOffsets(text);
		Set<Hit> hits = new HashSet<>();
		readEachWay(plain, Tokens.of(folded), hits);
		readEachWay(leet, Tokens.of(Normalizer.leet(folded)), hits);
		List<Hit> sorted = new ArrayList<>(hits);
		sorted.sort(IN_TEXT_ORDER);
		return sorted;
	}

	private static void readEachWay(Node root, Tokens words, Set<Hit> hits) {
		walk(root, words, hits);
		Tokens joined = words.joinSpelledOut();
		if (joined != words) {
			walk(root, joined, hits);
		}
	}

	private static void walk(Node root, Tokens tokens, Set<Hit> hits) {
		if (root.children.isEmpty()) {
			return;
		}
		FoldedText source = tokens.source;
		int n = tokens.size();
		for (int i = 0; i < n; i++) {
			Node node = root;
			for (int j = i; j < n; j++) {
				node = node.children.get(tokens.words[j]);
				if (node == null) {
					break;
				}
				for (int phrase : node.phrases) {
					hits.add(new Hit(phrase, source.originalStart(tokens.starts[i]), source.originalEnd(tokens.ends[j])));
				}
			}
		}
	}

	/** Built once in the constructor and never changed afterwards, which is what makes the index safe to share. */
	private static final class Node {

		private Map<String, Node> children = new HashMap<>();
		private int[] phrases = new int[0];

		void insert(String[] words, int phrase) {
			if (words.length == 0) {
				return;
			}
			Node node = this;
			for (String word : words) {
				node = node.children.computeIfAbsent(word, w -> new Node());
			}
			if (Arrays.stream(node.phrases).noneMatch(p -> p == phrase)) {
				node.phrases = Arrays.copyOf(node.phrases, node.phrases.length + 1);
				node.phrases[node.phrases.length - 1] = phrase;
			}
		}

		/** Iterative, so that an absurdly long phrase cannot overflow the stack. */
		void freeze() {
			Deque<Node> pending = new ArrayDeque<>();
			pending.push(this);
			while (!pending.isEmpty()) {
				Node node = pending.pop();
				node.children = node.children.isEmpty() ? Map.of() : Map.copyOf(node.children);
				node.children.values().forEach(pending::push);
			}
		}
	}
}
