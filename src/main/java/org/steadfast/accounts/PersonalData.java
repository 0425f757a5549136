package org.steadfast.accounts;

import java.io.IOException;

/**
 * What a module keeps about a member, handed over and erased by the module that owns it. Each
 * module with member data has one implementation; {@link AccountData} calls them all, in
 * {@link #order()}, when a member takes their data or leaves, and removes the member row last.
 * <p>
 * Erasing runs in one transaction with the others and must be safe to run again (a second run
 * finds nothing left to do).
 */
public interface PersonalData {

	/** What a leaving member chose. */
	enum Erasure {
		/** Everything they wrote goes; replies others wrote in their topics stay, under the former member. */
		EVERYTHING,
		/** Their public forum posts stay under the neutral former member; everything else goes. */
		KEEP_PUBLIC_POSTS
	}

	/**
	 * The member being erased: their id, names and address (for rows that hold them as text), and
	 * the id of the neutral former member that kept public content is given to.
	 */
	record Leaving(long memberId, String username, String email, long formerMemberId, Erasure mode) {
	}

	/**
	 * Erasing order: rows that point at other modules' rows go first (lower numbers), so that
	 * foreign keys never stop a delete. Accounts' own rows come last.
	 */
	int order();

	/** Writes this module's kinds of the member's data. Rows are read in batches, never all at once. */
	void export(long memberId, ExportWriter out) throws IOException;

	/** Deletes or neutralises this module's rows of the member. */
	void erase(Leaving member);
}
