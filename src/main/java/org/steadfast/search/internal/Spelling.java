package org.steadfast.search.internal;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.SearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.steadfast.forum.ForumIndex;
import org.steadfast.forum.Post;
import org.steadfast.forum.Topic;

/**
 * Typo tolerance and "did you mean", from the words that occur in titles, tags and posts (the
 * unstemmed vocabulary fields). A word can come from a post the searcher may not read: alternatives only
 * widen a query that is still filtered by visibility, and a suggestion is offered only after
 * searching it as that searcher. Needs the Lucene backend; elsewhere searches match fuzzily and
 * suggest nothing.
 */
@Component
public class Spelling {

	private static final Logger log = LoggerFactory.getLogger(Spelling.class);

	private final EntityManagerFactory entityManagerFactory;
	/** How many known words an unknown one also matches. */
	static final int ALTERNATIVES = 3;

	/** Alternatives one and two slips away; configured once, as searches share them. */
	private final DirectSpellChecker oneSlip = checker(1);
	private final DirectSpellChecker twoSlips = checker(2);

	/** For "did you mean": up to two slips in any word of four letters or more. */
	private final DirectSpellChecker respeller = checker(2);

	Spelling(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	private static DirectSpellChecker checker(int maxEdits) {
		DirectSpellChecker checker = new DirectSpellChecker();
		checker.setMaxEdits(maxEdits);
		checker.setMinPrefix(1);
		checker.setMinQueryLength(4);
		return checker;
	}

	/** Alternatives for the typed words that occur nowhere in the forum; see {@link Typos}. */
	public Typos typos(List<String> words) {
		if (words.isEmpty()) {
			return Typos.NONE;
		}
		try (IndexReader reader = openReader()) {
			Map<String, List<String>> alternatives = new HashMap<>();
			Set<String> unknown = new HashSet<>();
			for (String word : words) {
				List<String> tokens = analyze(word);
				if (tokens.size() != 1 || reader.docFreq(new Term(ForumIndex.VOCABULARY, tokens.get(0))) > 0) {
					continue;
				}
				unknown.add(word);
				int edits = ForumPredicates.editsAllowed(tokens.get(0));
				if (edits == 0) {
					continue;
				}
				List<String> near = new ArrayList<>();
				for (SuggestWord suggestion : (edits == 1 ? oneSlip : twoSlips).suggestSimilar(new Term(ForumIndex.VOCABULARY, tokens.get(0)),
						ALTERNATIVES, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
					near.add(suggestion.string);
				}
				if (!near.isEmpty()) {
					alternatives.put(word, near);
				}
			}
			return new Typos(unknown, alternatives, false);
		}
		catch (SearchException | IOException e) {
			log.debug("No vocabulary to correct typos with, matching fuzzily: {}", e.getMessage());
			return Typos.FUZZY;
		}
	}

	/** For each of the words that occurs nowhere, the known word closest to it; empty when none could be improved. */
	public Map<String, String> respell(Collection<String> words) {
		if (words.isEmpty()) {
			return Map.of();
		}
		try (IndexReader reader = openReader()) {
			Map<String, String> respelled = new LinkedHashMap<>();
			for (String word : words) {
				List<String> tokens = analyze(word);
				if (tokens.size() != 1) {
					continue;
				}
				Term term = new Term(ForumIndex.VOCABULARY, tokens.get(0));
				if (reader.docFreq(term) > 0) {
					continue;
				}
				SuggestWord[] suggestions = respeller.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
				if (suggestions.length > 0) {
					respelled.put(word, suggestions[0].string);
				}
			}
			return respelled;
		}
		catch (SearchException | IOException e) {
			log.debug("No spelling suggestions: {}", e.getMessage());
			return Map.of();
		}
	}

	/**
	 * The slots with each synonym that the index's English analysis reduces to the same terms as
	 * the typed words or an earlier synonym left out ("coming back" is "come back" once stemmed):
	 * each is one more phrase query over every post, and asking it twice finds nothing new. As
	 * they are when the backend is not Lucene (its analysis is the search cluster's own).
	 */
	public List<Synonyms.Slot> withDistinctSynonyms(List<Synonyms.Slot> slots) {
		Analyzer analyzer;
		try {
			analyzer = Search.mapping(entityManagerFactory).backend().unwrap(LuceneBackend.class)
					.analyzer(ForumIndex.ENGLISH).orElse(null);
		}
		catch (SearchException e) {
			return slots;
		}
		if (analyzer == null) {
			return slots;
		}
		List<Synonyms.Slot> distinct = new ArrayList<>(slots.size());
		for (Synonyms.Slot slot : slots) {
			if (slot.alternatives().isEmpty()) {
				distinct.add(slot);
				continue;
			}
			Set<List<String>> seen = new HashSet<>();
			seen.add(terms(analyzer, slot.typed()));
			List<String> alternatives = slot.alternatives().stream().filter(a -> seen.add(terms(analyzer, a))).toList();
			distinct.add(new Synonyms.Slot(slot.typed(), alternatives));
		}
		return distinct;
	}

	private static List<String> terms(Analyzer analyzer, String text) {
		try {
			return tokens(analyzer, ForumIndex.TEXT, text);
		}
		catch (IOException e) {
			// Analysing a string in memory does not fail; if it did, the phrase simply stays.
			return List.of(text);
		}
	}

	/** Both indexes: topics give their titles' and tags' words, posts their text's. */
	private IndexReader openReader() {
		return Search.mapping(entityManagerFactory).scope(List.of(Topic.class, Post.class))
				.extension(LuceneExtension.get()).openIndexReader();
	}

	/** The word as the vocabulary field holds it: lower-cased and folded, possibly split. */
	private List<String> analyze(String word) throws IOException {
		Analyzer analyzer = Search.mapping(entityManagerFactory).backend().unwrap(LuceneBackend.class)
				.analyzer(ForumIndex.WORDS).orElseThrow();
		return tokens(analyzer, ForumIndex.VOCABULARY, word);
	}

	/** The terms an analyzer makes of a text for a field. */
	static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream(field, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		return tokens;
	}
}
