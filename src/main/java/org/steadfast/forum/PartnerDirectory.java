package org.steadfast.forum;

/**
 * Who a member's accountability partner is right now, for partner-only visibility. The partners
 * module implements it; the forum only asks, so it never depends on partners.
 */
public interface PartnerDirectory {

	/** The member's partner while a partnership lasts, or null. */
	Long currentPartnerOf(long memberId);
}
