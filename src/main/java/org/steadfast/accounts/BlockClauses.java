package org.steadfast.accounts;

/**
 * {@link Blocks} for a statement that must apply them inside itself: a page with a fixed statement
 * budget, or a batch query that leaves out, row by row, what a member blocked. The rule is the same
 * as {@link Blocks#eitherWay(long, long)}, and the table stays this module's.
 */
public final class BlockClauses {

	private BlockClauses() {
	}

	/**
	 * A condition (in parentheses) true when neither of the two members (SQL expressions: columns or named parameters)
	 * blocked the other. Two index lookups, never a scan of the blocks.
	 */
	public static String neitherBlocked(String member, String other) {
		return "(not exists (select 1 from member_block mb where mb.blocker_id = " + member + " and mb.blocked_id = " + other
				+ ")\n and not exists (select 1 from member_block mb where mb.blocker_id = " + other + " and mb.blocked_id = "
				+ member + "))";
	}
}
