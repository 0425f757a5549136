package org.steadfast.forum.web;

/** The new-topic form. Author, pinned, locked and visibility are not fields: they can't be posted. */
record TopicForm(Long categoryId, String title, String body, String tags, String formToken) {

	TopicForm withToken(String token) {
		return new TopicForm(categoryId, title, body, tags, token);
	}
}
