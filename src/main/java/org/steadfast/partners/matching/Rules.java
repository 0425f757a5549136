package org.steadfast.partners.matching;

/**
 * Limits beyond which two members are never proposed to each other.
 *
 * @param maxHoursApart greatest difference between the two members' local time of day, in hours
 *        (0 to 12: local times of day are never more than 12 hours apart)
 * @param maxCohortDays greatest number of days between the start dates of their plans
 */
public record Rules(int maxHoursApart, int maxCohortDays) {

	/** Within three hours of each other, plans started at most 60 days apart. */
	public static final Rules DEFAULTS = new Rules(3, 60);

	public Rules {
		if (maxHoursApart < 0 || maxHoursApart > 12) {
			throw new IllegalArgumentException("maxHoursApart must be between 0 and 12: " + maxHoursApart);
		}
		if (maxCohortDays < 0) {
			throw new IllegalArgumentException("maxCohortDays must not be negative: " + maxCohortDays);
		}
	}
}
