package org.steadfast.partners.matching;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A member in the pool of those looking for a partner.
 *
 * @param memberId the member's id, unique within a pool
 * @param zone the member's time zone
 * @param planStart the first day of the member's active no-contact plan
 * @param wishes what the member hopes for from a partner; empty means no preference, and such a
 *        member can be paired with anyone
 * @param usualCheckInHour the hour of the day, in the member's own zone, at which they usually
 *        check in (0 to 23)
 */
public record Candidate(long memberId, ZoneId zone, LocalDate planStart, Set<Wish> wishes, int usualCheckInHour) {

	public Candidate {
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(planStart, "planStart");
		Objects.requireNonNull(wishes, "wishes");
		if (usualCheckInHour < 0 || usualCheckInHour > 23) {
			throw new IllegalArgumentException("usualCheckInHour must be between 0 and 23: " + usualCheckInHour);
		}
		EnumSet<Wish> copy = EnumSet.noneOf(Wish.class);
		copy.addAll(wishes);
		// An enum set keeps a stable iteration order, which Set.copyOf does not promise.
		wishes = Collections.unmodifiableSet(copy);
	}
}
