package org.steadfast.forum;

/**
 * The URLs of topics, posts, plans, categories and tags, built in this one place. A topic's URL
 * carries its id and its slug ({@code /t/42/mutual-friends-at-a-party}); the slug is cosmetic, and
 * {@code /t/42} alone redirects to it. Slugs and tag names are made of {@code [a-z0-9-]} only, so
 * nothing here needs escaping.
 * <p>
 * Templates build the same URLs with the expression object {@code #links} ({@link LinksDialect}):
 * {@code th:href="${#links.topic(t.id, t.slug)}"}.
 */
public final class Links {

	Links() {
	}

	/** The topic by id alone, which redirects to its full URL. */
	public static String topic(long id) {
		return "/t/" + id;
	}

	public static String topic(long id, String slug) {
		return "/t/" + id + "/" + slug;
	}

	/** A page of the topic; page 1 has no page parameter. */
	public static String topic(long id, String slug, int page) {
		return topic(id, slug) + (page > 1 ? "?page=" + page : "");
	}

	/** A post's anchor on its topic's URL without a page number: where a post on the first page is. */
	public static String post(long topicId, String slug, int number) {
		return topic(topicId, slug) + "#post-" + number;
	}

	/** A post on the page of its topic that shows it. */
	public static String post(long topicId, String slug, int page, int number) {
		return topic(topicId, slug, page) + "#post-" + number;
	}

	/** The topic's reply form filled with a quote of the post. */
	public static String quote(long topicId, String slug, long postId) {
		return topic(topicId, slug) + "?quote=" + postId + "#reply";
	}

	/** A post by id alone, which redirects to its place in its topic. */
	public static String permalink(long postId) {
		return "/p/" + postId;
	}

	/** The plan page of a plan topic. */
	public static String plan(long topicId) {
		return "/plans/" + topicId;
	}

	public static String category(String slug) {
		return "/c/" + slug;
	}

	public static String tag(String name) {
		return "/tags/" + name;
	}
}
