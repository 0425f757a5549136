package org.steadfast.forum;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Who a member's accountability partner is right now, for partner-only visibility. The partners
 * module implements it; the forum only asks, so it never depends on partners.
 */
public interface PartnerDirectory {

	/** The member's partner while a partnership lasts, or null. */
	Long currentPartnerOf(long memberId);

	/** For each of the members who has a partner right now, that partner (for batch work such as digests). */
	default Map<Long, Long> currentPartnersOf(Collection<Long> memberIds) {
		Map<Long, Long> partners = new HashMap<>();
		for (long id : memberIds) {
			Long partner = currentPartnerOf(id);
			if (partner != null) {
				partners.put(id, partner);
			}
		}
		return partners;
	}
}
