package org.steadfast.forum.web;

/** The new-topic form. Author, pinned, locked and visibility are not fields: they can't be posted. */
record TopicForm(String categoryId, String title, String body, String tags, String formToken) {

	/** The chosen category's id, or null when the field is empty or not a number (a tampered form). */
	Long category() {
		try {
			return categoryId == null || categoryId.isBlank() ? null : Long.valueOf(categoryId.trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	TopicForm withToken(String token) {
		return new TopicForm(categoryId, title, body, tags, token);
	}
}
