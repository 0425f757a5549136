package org.steadfast.search.internal;

import java.util.List;
import java.util.function.Function;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PhrasePredicateOptionsStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleBooleanPredicateOptionsStep;
import org.steadfast.forum.ContentStatus;
import org.steadfast.forum.Visibility;
import org.steadfast.search.Searcher;
import org.steadfast.search.internal.Synonyms.Slot;

import static org.steadfast.forum.ForumIndex.AUTHOR;
import static org.steadfast.forum.ForumIndex.POSTS;
import static org.steadfast.forum.ForumIndex.POST_PAIRS;
import static org.steadfast.forum.ForumIndex.POST_TEXTS;
import static org.steadfast.forum.ForumIndex.STATUS;
import static org.steadfast.forum.ForumIndex.TAG_TEXT;
import static org.steadfast.forum.ForumIndex.TEXT;
import static org.steadfast.forum.ForumIndex.TITLE;
import static org.steadfast.forum.ForumIndex.VISIBILITY;


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
	static final float SYNONYM_BOOST = 0.8f;

	private final SearchPredicateFactory f;
	private final Searcher searcher;

	public ForumPredicates(SearchPredicateFactory f, Searcher searcher) {
		this.f = f;
		this.searcher = searcher;
	}

	/**
	 * Topics the searcher may read: visible ones (and their own pending ones), public ones, members'
	 * ones when signed in, their own partner-only and private ones and their partner's partner-only
	 * ones; never a hidden author's.
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
			Long partner = searcher.viewer().partnerId();
			if (partner == null) {
				b.filter(f.or(f.terms().field(VISIBILITY).matchingAny(List.of(Visibility.PUBLIC, Visibility.MEMBERS)),
						f.match().field(AUTHOR).matching(me)));
			}
			else {
				// The partner's partner-only topics, while the partnership lasts (Viewer.canRead).
				b.filter(f.or(f.terms().field(VISIBILITY).matchingAny(List.of(Visibility.PUBLIC, Visibility.MEMBERS)),
						f.match().field(AUTHOR).matching(me),
						f.and(f.match().field(VISIBILITY).matching(Visibility.PARTNER), f.match().field(AUTHOR).matching(partner))));
			}
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

	private void hidingAuthors(BooleanPredicateClausesStep<?, ?> b,
			String field) {
		if (!searcher.hiddenAuthors().isEmpty()) {
			b.mustNot(f.terms().field(field).matchingAny(searcher.hiddenAuthors()));
		}
	}

	/**
	 * Topics whose title, tags or readable posts contain the text. Words may be found in
	 * different posts; with {@code allWords} (nearly) every slot must be found, otherwise any one,
	 * and the ranking favours topics with more of them. Quoted phrases must be found as typed.
	 * With an author, only their posts (and titles of topics they started) count.
	 */
	public PredicateFinalStep topicText(Terms terms, Long author, boolean allWords) {
		if (terms.isEmpty()) {
			return f.matchAll();
		}
		var b = f.bool();
		for (Slot slot : terms.slots()) {
			b.should(f.or(titleOrTags(slot, author, terms.typos()), posts(field -> slot(field, slot, terms.typos()), author)));
		}
		if (!terms.slots().isEmpty()) {
			b.minimumShouldMatchNumber(allWords ? required(terms.slots().size()) : 1);
		}
		for (String phrase : terms.phrases()) {
			b.must(f.or(restrictTo(author, f.phrase().field(TITLE).matching(phrase).boost(TITLE_BOOST * PHRASE_BOOST)),
					posts(field -> phrase(field, phrase).boost(PHRASE_BOOST), author)));
		}
		return b;
	}

	/** Topics the author started or posted a readable post in. */
	public PredicateFinalStep tookPart(long author) {
		return f.or(f.match().field(AUTHOR).matching(author),
				f.nested(POSTS).add(f.match().field(NESTED + AUTHOR).matching(author)).add(postVisible(NESTED)));
	}

	/**
	 * Posts that contain any of the slots or phrases, best first: for picking the snippet of a
	 * topic that already matched, so nothing is required here.
	 */
	public PredicateFinalStep postText(Terms terms) {
		var b = f.bool();
		terms.slots().forEach(slot -> b.should(slot(TEXT, slot, terms.typos())));
		terms.phrases().forEach(p -> b.should(f.phrase().field(TEXT).matching(p).boost(PHRASE_BOOST)));
		return b;
	}

	/** Topics like a title being written: about half of its slots found. */
	public PredicateFinalStep similarTo(Terms title) {
		var b = f.bool();
		for (Slot slot : title.slots()) {
			b.should(f.or(titleOrTags(slot, null, title.typos()), posts(field -> slot(field, slot, title.typos()), null)));
		}
		b.minimumShouldMatchNumber((title.slots().size() + 1) / 2);
		return b;
	}

	private PredicateFinalStep titleOrTags(Slot slot, Long author, Typos typos) {
		return restrictTo(author,
				f.or(slot(TITLE, slot, typos).boost(TITLE_BOOST), slot(TAG_TEXT, slot, typos).boost(TAG_BOOST)));
	}

	private PredicateFinalStep restrictTo(Long author, PredicateFinalStep predicate) {
		return author == null ? predicate : f.and(predicate, f.match().field(AUTHOR).matching(author));
	}

	/**
	 * Topics with a post the searcher may read that matches {@code text} (built for the field
	 * given). Without an author to restrict to and without hidden authors, that is the topic
	 * document's copy of its visible posts' text, which needs no join of the nested posts (the
	 * join scores every matching post of every topic), plus, for a member, their own pending
	 * posts; otherwise the nested posts, each with its own status and author.
	 */
	private PredicateFinalStep posts(Function<String, PredicateFinalStep> text, Long author) {
		if (author == null && searcher.hiddenAuthors().isEmpty()) {
			PredicateFinalStep visible = text.apply(POST_TEXTS);
			Long me = searcher.memberId();
			if (me == null) {
				return visible;
			}
			return f.or(visible, f.nested(POSTS).add(text.apply(NESTED + TEXT))
					.add(f.match().field(NESTED + AUTHOR).matching(me))
					.add(f.match().field(NESTED + STATUS).matching(ContentStatus.PENDING)));
		}
		var nested = f.nested(POSTS).add(text.apply(NESTED + TEXT)).add(postVisible(NESTED));
		if (author != null) {
			nested.add(f.match().field(NESTED + AUTHOR).matching(author));
		}
		return nested;
	}

	/** The slot as typed, its synonyms, and (with a lower score) the known words a typo or two away. */
	private SimpleBooleanPredicateOptionsStep<?> slot(String field, Slot slot, Typos typos) {
		var clauses = f.or().add(words(field, slot.typed(), 1f));
		if (!slot.phrase()) {
			String word = slot.typed();
			if (typos.fuzzy() && editsAllowed(word) > 0) {
				clauses.add(f.match().field(field).matching(word).fuzzy(editsAllowed(word), 1).boost(FUZZY_BOOST));
			}
			for (String alternative : typos.alternativesOf(word)) {
				clauses.add(f.match().field(field).matching(alternative).boost(FUZZY_BOOST));
			}
		}
		for (String synonym : slot.alternatives()) {
			clauses.add(words(field, synonym, SYNONYM_BOOST));
		}
		return clauses;
	}

	/** A word, or a phrase matched as one. */
	private PredicateFinalStep words(String field, String text, float boost) {
		return text.indexOf(' ') >= 0 ? phrase(field, text).boost(boost)
				: f.match().field(field).matching(text).boost(boost);
	}

	/**
	 * Words in this order. In the topic's copy of its posts a phrase is looked up as pairs of
	 * terms ({@link org.steadfast.forum.ForumIndex#POST_PAIRS}): one term for two words, instead of
	 * comparing the positions of two common words in every topic that has both.
	 */
	private PhrasePredicateOptionsStep<?> phrase(String field, String text) {
		return f.phrase().field(POST_TEXTS.equals(field) ? POST_PAIRS : field).matching(text);
	}

	/** Short words have too many neighbours to guess at; long ones tolerate two slips. */
	static int editsAllowed(String word) {
		int length = word.codePointCount(0, word.length());
		if (length < 4 || word.chars().allMatch(Character::isDigit)) {
			return 0;
		}
		return length < 8 ? 1 : 2;
	}

	/** How many of n words "all words" means: every one of up to three, then three in four. */
	static int required(int words) {
		return words <= 3 ? words : (int) Math.ceil(words * 0.75);
	}
}
