package org.steadfast.search.internal;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.SearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.steadfast.forum.ForumIndex;
import org.steadfast.forum.Post;

/**
 * "Did you mean": the closest words that occur in posts, from the unstemmed vocabulary field.
 * A suggestion can come from a post the searcher may not read, so the caller offers it only
 * after searching it as that searcher. Needs the Lucene backend; elsewhere there are none.
 */
@Component
public class Spelling {

	private static final Logger log = LoggerFactory.getLogger(Spelling.class);

	private final EntityManagerFactory entityManagerFactory;
	private final DirectSpellChecker checker = new DirectSpellChecker();

	Spelling(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
		checker.setMaxEdits(2);
		checker.setMinPrefix(1);
		checker.setMinQueryLength(4);
	}

	/** The words with the misspelled ones replaced, or empty when none could be improved. */
	public Optional<List<String>> respell(List<String> words) {
		if (words.isEmpty()) {
			return Optional.empty();
		}
		try (IndexReader reader = Search.mapping(entityManagerFactory).scope(Post.class)
				.extension(LuceneExtension.get()).openIndexReader()) {
			List<String> respelled = new ArrayList<>();
			boolean changed = false;
			for (String word : words) {
				String lower = word.toLowerCase(Locale.ROOT);
				Term term = new Term(ForumIndex.VOCABULARY, lower);
				if (reader.docFreq(term) > 0) {
					respelled.add(lower);
					continue;
				}
				SuggestWord[] suggestions = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
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
}
