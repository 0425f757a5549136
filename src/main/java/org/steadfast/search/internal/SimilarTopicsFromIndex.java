package org.steadfast.search.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.steadfast.forum.ForumViews.TopicSummary;
import org.steadfast.forum.SimilarTopics;
import org.steadfast.forum.Viewer;
import org.steadfast.search.ForumSearch;

/** The forum's similar-topics offer, answered from the search index. */
@Component
class SimilarTopicsFromIndex implements SimilarTopics {

	private final ForumSearch search;

	SimilarTopicsFromIndex(ForumSearch search) {
		this.search = search;
	}

	@Override
	public List<TopicSummary> similarTo(Viewer viewer, String title, int limit) {
		return search.similarTo(search.searcher(viewer), title, limit);
	}
}
