package org.steadfast.forum;

/**
 * The forum's visibility rule ({@link ForumQueries#VISIBLE_TOPIC}) as SQL pieces for other
 * modules' statements that must apply it inside themselves: a page with a fixed statement budget
 * (the notifications page), or a batch query that decides it row by row for many readers at once.
 * The rule stays written once, there; these only say where its reader comes from.
 */
public final class VisibleContent {

	/** For {@link #topicVisibleTo}: a reader or partner nobody is. */
	public static final String NOBODY = "-1";

	/** The topic's title and kind, once {@link #joinTopicAndPost} has joined it. */
	public static final String TOPIC_COLUMNS = "t.title, t.kind as topic_kind";

	private VisibleContent() {
	}

	/**
	 * {@link ForumQueries#VISIBLE_TOPIC} for topic {@code t} as seen by the member {@code member},
	 * whose partner is {@code partner} (SQL expressions: columns, or {@link #NOBODY}), a member signed
	 * in; in parentheses. For queries that ask for many readers in one statement.
	 */
	public static String topicVisibleTo(String member, String partner) {
		// ":member" before ":me", of which it is an extension.
		String rule = ForumQueries.VISIBLE_TOPIC.replace(":member", "1").replace(":partner", partner)
				.replace(":me", member);
		if (rule.contains(":")) {
			throw new IllegalStateException("the visibility rule takes a parameter this form does not bind: " + rule);
		}
		return "(" + rule + ")";
	}

	/** For rows that point at a topic and a post by these columns (either may be null): joins them as t and p. */
	public static String joinTopicAndPost(String topicId, String postId) {
		return "left join topic t on t.id = " + topicId + "\nleft join post p on p.id = " + postId + "\n";
	}

	/**
	 * True while the row's topic and post (joined by {@link #joinTopicAndPost}) are still there for
	 * the viewer bound with {@link ForumQueries#bindViewer}: a topic made private, a post hidden since,
	 * and the row no longer shows. Rows pointing at neither are kept.
	 */
	public static String stillVisible(String topicId, String postId) {
		return "(" + topicId + " is null or (" + ForumQueries.VISIBLE_TOPIC + "))\n and (" + postId
				+ " is null or p.status = 'VISIBLE' or p.author_id = :me)";
	}
}
