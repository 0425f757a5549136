package org.steadfast.notifications;

import java.util.Collection;
import java.util.Map;

/**
 * Who each member's accountability partner is, for the digest's "your partner's check-ins"
 * section. The partners module implements it; without an implementation the section is left out.
 * Called once per batch of digest readers, so an implementation should answer with one query.
 */
public interface DigestPartnerSource {

	/** Reader id to partner id, for those readers in {@code memberIds} who have a partner. */
	Map<Long, Long> partnersOf(Collection<Long> memberIds);
}
