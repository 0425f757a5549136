package org.steadfast.search.internal;

import java.util.List;
import org.hibernate.search.util.common.SearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.steadfast.forum.ForumViews.TopicSummary;
import org.steadfast.forum.SimilarTopics;
import org.steadfast.forum.Viewer;
import org.steadfast.search.ForumSearch;

/** The forum's similar-topics offer, answered from the search index. */
@Component
class SimilarTopicsFromIndex implements SimilarTopics {

	private static final Logger log = LoggerFactory.getLogger(SimilarTopicsFromIndex.class);

	private final ForumSearch search;

	SimilarTopicsFromIndex(ForumSearch search) {
		this.search = search;
	}

	@Override
	public List<TopicSummary> similarTo(Viewer viewer, String title, int limit) {
		try {
			return search.similarTo(search.searcher(viewer), title, limit);
		}
		catch (SearchException e) {
			// An offer, not a need: composing goes on without it while search is unreachable.
			log.debug("No similar topics, search is unavailable: {}", e.getMessage());
			return List.of();
		}
	}
}
