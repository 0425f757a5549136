package org.steadfast.forum;

/** Who may read a topic and everything in it. Applied by every query, listing and search. */
public enum Visibility {
	/** Anyone, signed in or not. */
	PUBLIC,
	/** Signed-in members. */
	MEMBERS,
	/** The author and their accountability partner (the author alone until partners exist). */
	PARTNER,
	/** The author alone. */
	PRIVATE
}
