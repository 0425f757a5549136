package org.steadfast.search.internal;

import static org.steadfast.forum.ForumIndex.AUTHOR;
import static org.steadfast.forum.ForumIndex.POSTS;
import static org.steadfast.forum.ForumIndex.STATUS;
import static org.steadfast.forum.ForumIndex.TAG_TEXT;
import static org.steadfast.forum.ForumIndex.TEXT;
import static org.steadfast.forum.ForumIndex.TITLE;
import static org.steadfast.forum.ForumIndex.VISIBILITY;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.steadfast.forum.ContentStatus;
import org.steadfast.forum.Visibility;
import org.steadfast.search.Searcher;

/**
 * The predicates every search is built from. Who may find what is expressed here once, and is
 * part of each query, so that counts, facets, pages and snippets can only ever see what the
 * searcher may read. The rules are the forum's (ForumQueries.VISIBLE_TOPIC and its post
 * redaction); hidden and deleted content is not in the index at all.
 */
public final class ForumPredicates {

	static final String NESTED = POSTS + ".";
	static final float TITLE_BOOST = 3f;
	static final float TAG_BOOST = 2f;
	static final float PHRASE_BOOST = 2f;
	static final float FUZZY_BOOST = 0.3f;

	private final SearchPredicateFactory f;
	private final Searcher searcher;

	public ForumPredicates(SearchPredicateFactory f, Searcher searcher) {
		this.f = f;
		this.searcher = searcher;
	}

	/**
	 * Topics the searcher may read: visible ones (and their own pending ones), public ones, members'
	 * ones when signed in, and their own partner-only and private ones; never a hidden author's.
	 */
	public PredicateFinalStep topicVisible() {
		var b = f.bool();
		Long me = searcher.memberId();
		if (me == null) {
			b.filter(f.match().field(STATUS).matching(ContentStatus.VISIBLE));
			b.filter(f.match().field(VISIBILITY).matching(Visibility.PUBLIC));
		}
		else {
			b.filter(f.or(f.match().field(STATUS).matching(ContentStatus.VISIBLE),
					f.and(f.match().field(STATUS).matching(ContentStatus.PENDING), f.match().field(AUTHOR).matching(me))));
			// Partner-only behaves as private until partnerships exist (Viewer.canRead).
			b.filter(f.or(f.terms().field(VISIBILITY).matchingAny(List.of(Visibility.PUBLIC, Visibility.MEMBERS)),
					f.match().field(AUTHOR).matching(me)));
		}
		hidingAuthors(b, AUTHOR);
		return b;
	}

	/** Posts the searcher may read inside a readable topic: visible ones, and their own pending ones. */
	public PredicateFinalStep postVisible(String prefix) {
		var b = f.bool();
		Long me = searcher.memberId();
		if (me == null) {
			b.filter(f.match().field(prefix + STATUS).matching(ContentStatus.VISIBLE));
		}
		else {
			b.filter(f.or(f.match().field(prefix + STATUS).matching(ContentStatus.VISIBLE),
					f.and(f.match().field(prefix + STATUS).matching(ContentStatus.PENDING),
							f.match().field(prefix + AUTHOR).matching(me))));
		}
		hidingAuthors(b, prefix + AUTHOR);
		return b;
	}

	private void hidingAuthors(org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep<?, ?> b,
			String field) {
		if (!searcher.hiddenAuthors().isEmpty()) {
			b.mustNot(f.terms().field(field).matchingAny(searcher.hiddenAuthors()));
		}
	}

	/**
	 * Topics whose title, tags or readable posts contain the text. Words may be found in
	 * different posts; most of them must be found (all of one or two). Quoted phrases must be
	 * found as typed. With an author, only their posts (and titles of topics they started) count.
	 */
	public PredicateFinalStep topicText(QueryText query, Long author, boolean fuzzy) {
		if (query.isEmpty()) {
			return f.matchAll();
		}
		var b = f.bool();
		List<String> words = query.wordsToMatch();
		for (String word : words) {
			b.should(f.or(titleOrTags(word, author, fuzzy), posts(term(NESTED + TEXT, word, fuzzy), author)));
		}
		if (!words.isEmpty()) {
			b.minimumShouldMatchNumber(required(words.size()));
		}
		for (String phrase : query.phrases()) {
			b.must(f.or(restrictTo(author, f.phrase().field(TITLE).matching(phrase).boost(TITLE_BOOST * PHRASE_BOOST)),
					posts(f.phrase().field(NESTED + TEXT).matching(phrase).boost(PHRASE_BOOST), author)));
		}
		return b;
	}

	/** Topics the author started or posted a readable post in. */
	public PredicateFinalStep tookPart(long author) {
		return f.or(f.match().field(AUTHOR).matching(author),
				f.nested(POSTS).add(f.match().field(NESTED + AUTHOR).matching(author)).add(postVisible(NESTED)));
	}

	/**
	 * Posts that contain any of the words or phrases, best first: for picking the snippet of a
	 * topic that already matched, so no word is required here.
	 */
	public PredicateFinalStep postText(QueryText query) {
		List<PredicateFinalStep> clauses = new ArrayList<>();
		query.wordsToMatch().forEach(w -> clauses.add(term(TEXT, w, true)));
		query.phrases().forEach(p -> clauses.add(f.phrase().field(TEXT).matching(p).boost(PHRASE_BOOST)));
		var b = f.bool();
		clauses.forEach(b::should);
		return b;
	}

	/** Topics like a title being written: its meaningful words, about half of them found. */
	public PredicateFinalStep similarTo(QueryText title) {
		var b = f.bool();
		List<String> words = title.meaningfulWords();
		for (String word : words) {
			b.should(f.or(titleOrTags(word, null, true), posts(term(NESTED + TEXT, word, true), null)));
		}
		b.minimumShouldMatchNumber((words.size() + 1) / 2);
		return b;
	}

	private PredicateFinalStep titleOrTags(String word, Long author, boolean fuzzy) {
		return restrictTo(author,
				f.or(term(TITLE, word, fuzzy).boost(TITLE_BOOST), term(TAG_TEXT, word, fuzzy).boost(TAG_BOOST)));
	}

	private PredicateFinalStep restrictTo(Long author, PredicateFinalStep predicate) {
		return author == null ? predicate : f.and(predicate, f.match().field(AUTHOR).matching(author));
	}

	private PredicateFinalStep posts(PredicateFinalStep text, Long author) {
		var nested = f.nested(POSTS).add(text).add(postVisible(NESTED));
		if (author != null) {
			nested.add(f.match().field(NESTED + AUTHOR).matching(author));
		}
		return nested;
	}

	/** The word, or a word one or two typos away from it (with a lower score). */
	private org.hibernate.search.engine.search.predicate.dsl.SimpleBooleanPredicateOptionsStep<?> term(String field,
			String word, boolean fuzzy) {
		var exact = f.match().field(field).matching(word);
		int edits = fuzzy ? editsAllowed(word) : 0;
		if (edits == 0) {
			return f.or(exact);
		}
		return f.or(exact, f.match().field(field).matching(word).fuzzy(edits, 1).boost(FUZZY_BOOST));
	}

	/** Short words have too many neighbours to guess at; long ones tolerate two slips. */
	static int editsAllowed(String word) {
		int length = word.codePointCount(0, word.length());
		if (length < 4 || word.chars().allMatch(Character::isDigit)) {
			return 0;
		}
		return length < 8 ? 1 : 2;
	}

	/** How many of n words a topic must contain: all of one or two, then all but one, then 70 %. */
	static int required(int words) {
		if (words <= 2) {
			return words;
		}
		if (words <= 4) {
			return words - 1;
		}
		return (int) Math.ceil(words * 0.7);
	}
}
