package org.steadfast.partners;

import java.time.Instant;
import java.util.Set;
import org.steadfast.partners.matching.Waiting;
import org.steadfast.partners.matching.Wish;

/**
 * A member's partner settings. Off by default: a member without a row is not looking.
 *
 * @param waitingReason why the last matching left them waiting, or null
 */
public record PartnerProfile(long memberId, boolean looking, int checkInHour, Set<Wish> wishes, String intro,
		boolean sosHelper, Waiting waitingReason, Instant matchedAt) {

	public static PartnerProfile off(long memberId) {
		return new PartnerProfile(memberId, false, 20, Set.of(), "", false, null, null);
	}

	public boolean wishes(String wish) {
		return wishes.stream().anyMatch(w -> w.name().equals(wish));
	}
}
