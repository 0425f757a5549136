package org.steadfast.search.internal;

import static org.steadfast.forum.ForumIndex.AUTHOR;
import static org.steadfast.forum.ForumIndex.NUMBER;
import static org.steadfast.forum.ForumIndex.TEXT;
import static org.steadfast.forum.ForumIndex.TOPIC;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Component;
import org.steadfast.forum.Post;
import org.steadfast.search.Searcher;

/**
 * The passage shown under each result: from the post of the topic that matches best, cut and
 * highlighted by Hibernate Search's highlighter. Post documents are only ever searched within
 * topics the topic query already let through, and only posts the searcher may read.
 */
@Component
public class Snippets {

	/** About two lines of text. */
	static final int LENGTH = 220;

	/**
	 * Candidate posts read per page of results: enough for each topic to get its best post even
	 * when a few long topics match in many posts. Reading them is cheap: ids and scores only.
	 */
	static final int CANDIDATES_PER_TOPIC = 20;

	/** A post's number in its topic and the highlighted passage (escaped by {@link Highlights}, matches in {@code <mark>}). */
	public record Snippet(long topicId, int number, String html) {
	}

	private final EntityManager entityManager;

	Snippets(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/** The best snippet for each topic; topics matched by title alone get the opening of their first post. */
	public Map<Long, Snippet> forTopics(Collection<Long> topicIds, Terms terms, Searcher searcher, Long author) {
		Map<Long, Snippet> best = new HashMap<>();
		if (topicIds.isEmpty()) {
			return best;
		}
		if (!terms.isEmpty()) {
			Map<Long, Long> bestPosts = bestPosts(topicIds, terms, searcher, author);
			for (Snippet s : highlighted(bestPosts.values(), terms, searcher)) {
				best.put(s.topicId(), s);
			}
		}
		List<Long> missing = topicIds.stream().filter(id -> !best.containsKey(id)).toList();
		if (!missing.isEmpty()) {
			for (Snippet s : openings(missing, searcher)) {
				best.putIfAbsent(s.topicId(), s);
			}
		}
		return best;
	}

	private record Candidate(long postId, long topicId) {
	}

	/**
	 * The best matching readable post of each topic, by id. Only ids and scores are read here;
	 * highlighting, which re-analyses each post's text, is left for the few posts chosen.
	 */
	private Map<Long, Long> bestPosts(Collection<Long> topicIds, Terms terms, Searcher searcher, Long author) {
		Map<Long, Long> best = new HashMap<>();
		Search.session(entityManager).search(Post.class)
				.select(f -> f.composite().from(f.id(Long.class), f.field(TOPIC, Long.class)).as(Candidate::new))
				.where(f -> {
					var predicates = new ForumPredicates(f, searcher);
					var b = f.bool().must(predicates.postText(terms))
							.filter(f.terms().field(TOPIC).matchingAny(topicIds))
							.filter(predicates.postVisible(""));
					if (author != null) {
						b.filter(f.match().field(AUTHOR).matching(author));
					}
					return b;
				})
				// fetch, not fetchHits: a query that also counts its hits scores every match, so
				// Lucene checks a phrase only in posts of these topics. For the best hits alone it
				// moves each phrase clause to its next true match beyond them, checking phrases in
				// posts of every topic on the way (half of "they came back" went there).
				.fetch(topicIds.size() * CANDIDATES_PER_TOPIC)
				.hits()
				.forEach(c -> best.putIfAbsent(c.topicId(), c.postId()));
		return best;
	}

	private List<Snippet> highlighted(Collection<Long> postIds, Terms terms, Searcher searcher) {
		if (postIds.isEmpty()) {
			return List.of();
		}
		return Search.session(entityManager).search(Post.class)
				.select(f -> f.composite().from(f.field(TOPIC, Long.class), f.field(NUMBER, Integer.class),
						f.highlight(TEXT)).as((topic, number, fragments) -> new Snippet(topic, number,
								fragments.isEmpty() ? null : fragments.get(0))))
				.where(f -> f.bool().must(new ForumPredicates(f, searcher).postText(terms))
						.filter(f.id().matchingAny(postIds)))
				.highlighter(h -> h.plain().tag(Highlights.OPEN, Highlights.CLOSE).encoder(HighlighterEncoder.DEFAULT)
						.fragmentSize(LENGTH).numberOfFragments(1))
				.fetch(postIds.size()) // counted, as above: phrases are checked in these posts only
				.hits()
				.stream()
				.filter(s -> s.html() != null)
				.map(s -> new Snippet(s.topicId(), s.number(), Highlights.toHtml(s.html())))
				.toList();
	}

	private List<Snippet> openings(Collection<Long> topicIds, Searcher searcher) {
		return Search.session(entityManager).search(Post.class)
				.select(f -> f.composite().from(f.field(TOPIC, Long.class), f.field(NUMBER, Integer.class),
						f.highlight(TEXT)).as((topic, number, fragments) -> new Snippet(topic, number,
								fragments.isEmpty() ? null : fragments.get(0))))
				.where(f -> f.bool().filter(f.terms().field(TOPIC).matchingAny(topicIds))
						.filter(f.match().field(NUMBER).matching(1))
						.filter(new ForumPredicates(f, searcher).postVisible("")))
				.highlighter(h -> h.plain().encoder(HighlighterEncoder.DEFAULT).fragmentSize(LENGTH).noMatchSize(LENGTH))
				.fetchHits(topicIds.size())
				.stream()
				.filter(s -> s.html() != null)
				.map(s -> new Snippet(s.topicId(), s.number(), Highlights.toHtml(opening(s.html()))))
				.toList();
	}

	/**
	 * A post's opening (raw text, escaped afterwards) is cut at a character count, so it ends at
	 * the last whole word with "…".
	 */
	static String opening(String html) {
		if (html.length() < LENGTH) {
			return html;
		}
		int space = html.lastIndexOf(' ');
		return (space > LENGTH / 2 ? html.substring(0, space) : html).stripTrailing() + "…";
	}
}
