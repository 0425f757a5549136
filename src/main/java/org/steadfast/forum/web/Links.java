package org.steadfast.forum.web;

/** URLs of forum pages, in one place. */
final class Links {

	private Links() {
	}

	static String topic(long id, String slug, int page) {
		return "/t/" + id + "/" + slug + (page > 1 ? "?page=" + page : "");
	}

	static String post(long topicId, String slug, int page, int number) {
		return topic(topicId, slug, page) + "#post-" + number;
	}
}
