package org.steadfast.search.internal;

import static org.steadfast.forum.ForumIndex.AUTHOR;
import static org.steadfast.forum.ForumIndex.NUMBER;
import static org.steadfast.forum.ForumIndex.TEXT;
import static org.steadfast.forum.ForumIndex.TOPIC;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
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
	 * when a few long topics match in many posts.
	 */
	static final int CANDIDATES_PER_TOPIC = 8;

	/** A post's number in its topic and the highlighted passage (HTML-escaped, matches in {@code <mark>}). */
	public record Snippet(long topicId, int number, String html) {
	}

	private final EntityManager entityManager;

	Snippets(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/** The best snippet for each topic; topics matched by title alone get the opening of their first post. */
	public Map<Long, Snippet> forTopics(Collection<Long> topicIds, QueryText query, Searcher searcher, Long author) {
		Map<Long, Snippet> best = new HashMap<>();
		if (topicIds.isEmpty()) {
			return best;
		}
		if (!query.isEmpty()) {
			for (Snippet s : matching(topicIds, query, searcher, author, topicIds.size() * CANDIDATES_PER_TOPIC)) {
				best.putIfAbsent(s.topicId(), s);
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

	private List<Snippet> matching(Collection<Long> topicIds, QueryText query, Searcher searcher, Long author,
			int limit) {
		return Search.session(entityManager).search(Post.class)
				.select(f -> f.composite().from(f.field(TOPIC, Long.class), f.field(NUMBER, Integer.class),
						f.highlight(TEXT)).as((topic, number, fragments) -> new Snippet(topic, number,
								fragments.isEmpty() ? null : fragments.get(0))))
				.where(f -> {
					var predicates = new ForumPredicates(f, searcher);
					var b = f.bool().must(predicates.postText(query))
							.filter(f.terms().field(TOPIC).matchingAny(topicIds))
							.filter(predicates.postVisible(""));
					if (author != null) {
						b.filter(f.match().field(AUTHOR).matching(author));
					}
					return b;
				})
				.highlighter(h -> h.plain().tag("<mark>", "</mark>").encoder(HighlighterEncoder.HTML)
						.fragmentSize(LENGTH).numberOfFragments(1).noMatchSize(LENGTH))
				.fetchHits(limit)
				.stream()
				.filter(s -> s.html() != null)
				.toList();
	}

	private List<Snippet> openings(Collection<Long> topicIds, Searcher searcher) {
		List<Snippet> found = new ArrayList<>();
		Search.session(entityManager).search(Post.class)
				.select(f -> f.composite().from(f.field(TOPIC, Long.class), f.field(NUMBER, Integer.class),
						f.highlight(TEXT)).as((topic, number, fragments) -> new Snippet(topic, number,
								fragments.isEmpty() ? null : fragments.get(0))))
				.where(f -> f.bool().filter(f.terms().field(TOPIC).matchingAny(topicIds))
						.filter(f.match().field(NUMBER).matching(1))
						.filter(new ForumPredicates(f, searcher).postVisible("")))
				.highlighter(h -> h.plain().encoder(HighlighterEncoder.HTML).fragmentSize(LENGTH).noMatchSize(LENGTH))
				.fetchHits(topicIds.size())
				.stream()
				.filter(s -> s.html() != null)
				.map(s -> new Snippet(s.topicId(), s.number(), opening(s.html())))
				.forEach(found::add);
		return found;
	}

	/**
	 * A post's opening is cut at a character count, so it ends at the last whole word with "…".
	 * Cutting at a space is safe in escaped HTML: no entity contains one.
	 */
	static String opening(String html) {
		if (html.length() < LENGTH) {
			return html;
		}
		int space = html.lastIndexOf(' ');
		return (space > LENGTH / 2 ? html.substring(0, space) : html).stripTrailing() + "…";
	}
}
