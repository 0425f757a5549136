package org.steadfast.forum;

import java.util.function.Function;
import org.hibernate.search.mapper.pojo.bridge.RoutingBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.RoutingBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.RoutingBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.RoutingBridgeRouteContext;
import org.hibernate.search.mapper.pojo.route.DocumentRoutes;

/**
 * The names in the forum's search mapping (the Hibernate Search annotations on {@link Topic} and
 * {@link Post}), so that the search module queries the same fields the entities declare.
 * <p>
 * A topic document carries its title, tags, category, kind, visibility, status, author, dates and
 * its posts as nested objects, so that "this topic matches" and "a post this reader may see
 * matches" are one query, with counts, facets and pages computed by the index. A post document
 * carries the stored text the highlighter cuts snippets from.
 */
public final class ForumIndex {

	/** English: standard tokenizer, possessives, lower case, ASCII folding, Porter stemming. */
	public static final String ENGLISH = "english";

	/**
	 * {@link #ENGLISH}'s terms taken two at a time ("came back"): a two-word phrase is then one
	 * term to look up rather than two terms whose positions are compared in every document.
	 */
	public static final String ENGLISH_PAIRS = "english_pairs";

	/** Whole words, lower-cased and folded but not stemmed: the vocabulary for spelling suggestions. */
	public static final String WORDS = "words";

	public static final String TOPICS = "topic";
	public static final String POSTS_INDEX = "post";

	// Topic documents
	public static final String TITLE = "title";
	/** Tag names, for filtering by a tag. */
	public static final String TAGS = "tags";
	/**
	 * Tag ids, for counting matches by tag: a numeric facet counts without looking up each
	 * value's text in the index's dictionary, and the names come from the tag table.
	 */
	public static final String TAG_IDS = "tagIds";
	public static final String TAG_TEXT = "tagText";
	public static final String CATEGORY = "categoryId";
	public static final String KIND = "kind";
	public static final String VISIBILITY = "visibility";
	public static final String STATUS = "status";
	public static final String AUTHOR = "authorId";
	public static final String CREATED = "createdAt";
	public static final String LAST_ACTIVITY = "lastActivity";
	/**
	 * The text of a topic's visible posts, on the topic document itself: what most searches match
	 * posts by, since it needs no join (see {@code ForumPredicates}).
	 */
	public static final String POST_TEXTS = "postTexts";
	/** {@link #POST_TEXTS} as pairs of consecutive terms ({@link #ENGLISH_PAIRS}), for phrases. */
	public static final String POST_PAIRS = "postPairs";
	/** The nested posts of a topic document; their fields are {@link #TEXT}, {@link #STATUS} and {@link #AUTHOR}. */
	public static final String POSTS = "posts";

	/** Unstemmed words (of a topic's title and tags, of a post's text), for spelling suggestions. */
	public static final String VOCABULARY = "words";

	// Post documents (and the nested posts of a topic)
	public static final String TEXT = "text";
	public static final String TOPIC = "topicId";
	public static final String NUMBER = "number";

	private ForumIndex() {
	}

	/**
	 * Whether content is in the index at all. Hidden and deleted content is left out entirely,
	 * so that no query, facet or snippet can ever reveal it; pending content is indexed for its
	 * author and filtered out for everyone else by the query.
	 */
	static boolean indexed(ContentStatus status) {
		return status == ContentStatus.VISIBLE || status == ContentStatus.PENDING;
	}

	/** Routes topics and posts out of the index while they are hidden or deleted. */
	public static final class PublishedOnly implements RoutingBinder {

		@Override
		public void bind(RoutingBindingContext context) {
			context.dependencies().use("status");
			if (context.bridgedElement().rawType().equals(Topic.class)) {
				context.bridge(Topic.class, new Bridge<>(Topic::getStatus));
			}
			else {
				context.bridge(Post.class, new Bridge<>(Post::getStatus));
			}
		}

		private record Bridge<E>(Function<E, ContentStatus> status) implements RoutingBridge<E> {

			@Override
			public void route(DocumentRoutes routes, Object id, E entity, RoutingBridgeRouteContext context) {
				if (indexed(status.apply(entity))) {
					routes.addRoute();
				}
				else {
					routes.notIndexed();
				}
			}

			@Override
			public void previousRoutes(DocumentRoutes routes, Object id, E entity, RoutingBridgeRouteContext context) {
				// The status before a change is not known here; a route that may hold a stale
				// document makes Hibernate Search delete it when the entity leaves the index.
				routes.addRoute();
			}
		}
	}
}
