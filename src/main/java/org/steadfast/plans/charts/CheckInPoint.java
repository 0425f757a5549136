package org.steadfast.plans.charts;

import java.time.LocalDate;
import java.util.Objects;

/** The two values a check-in records on its day: mood from 1 to 5 and the urge to make contact from 0 to 10. */
public record CheckInPoint(LocalDate day, int mood, int urge) {

	public static final int MOOD_MIN = 1;
	public static final int MOOD_MAX = 5;
	public static final int URGE_MIN = 0;
	public static final int URGE_MAX = 10;

	/** A value outside its scale would be drawn outside the chart, so it is refused where it is made. */
	public CheckInPoint {
		Objects.requireNonNull(day, "day");
		if (mood < MOOD_MIN || mood > MOOD_MAX) {
			throw new IllegalArgumentException("mood must be 1 to 5: " + mood);
		}
		if (urge < URGE_MIN || urge > URGE_MAX) {
			throw new IllegalArgumentException("urge must be 0 to 10: " + urge);
		}
	}
}
