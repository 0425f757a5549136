package org.steadfast.forum;

import java.util.List;
import org.steadfast.forum.ForumViews.TopicSummary;

/**
 * Existing topics like one a member is writing, offered while they compose it so that they find
 * a conversation that already happened. The search module provides it; the forum depends only on
 * this interface, and offers nothing when no implementation exists.
 */
public interface SimilarTopics {

	/** Up to {@code limit} topics this viewer may read, most similar first. */
	List<TopicSummary> similarTo(Viewer viewer, String title, int limit);
}
