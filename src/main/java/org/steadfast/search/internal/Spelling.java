package org.steadfast.search.internal;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

	/** The words with the misspelled ones replaced, or empty when none could be improved. */
	public Optional<List<String>> respell(List<String> words) {
		if (words.isEmpty()) {
			return Optional.empty();
		}
		try (IndexReader reader = openReader()) {
			List<String> respelled = new ArrayList<>();
			boolean changed = false;
			for (String word : words) {
				List<String> tokens = analyze(word);
				String lower = tokens.size() == 1 ? tokens.get(0) : word.toLowerCase(Locale.ROOT);
				Term term = new Term(ForumIndex.VOCABULARY, lower);
				if (reader.docFreq(term) > 0) {
					respelled.add(lower);
					continue;
				}
				SuggestWord[] suggestions = respeller.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
				if (suggestions.length > 0) {
					respelled.add(suggestions[0].string);
					changed = true;
				}
				else {
					respelled.add(lower);
				}
			}
			return changed ? Optional.of(respelled) : Optional.empty();
		}
		catch (SearchException | IOException e) {
			log.debug("No spelling suggestions: {}", e.getMessage());
			return Optional.empty();
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
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream(ForumIndex.VOCABULARY, word)) {
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
