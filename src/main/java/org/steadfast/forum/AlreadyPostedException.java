package org.steadfast.forum;

/** The form was already submitted once (double click, reload): here is the post it created. */
public class AlreadyPostedException extends RuntimeException {

	private final long postId;

	public AlreadyPostedException(long postId) {
		super("form already used for post " + postId);
		this.postId = postId;
	}

	public long postId() {
		return postId;
	}
}
