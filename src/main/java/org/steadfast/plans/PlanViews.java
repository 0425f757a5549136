package org.steadfast.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.steadfast.forum.ContentStatus;
import org.steadfast.forum.Visibility;

/** Read models for the plan pages, the check-in feed and profiles. */
public final class PlanViews {

	private PlanViews() {
	}

	public record CheckInRow(long postId, LocalDate day, boolean keptNoContact, int mood, int urge) {
	}

	public record RecentCheckIn(long postId, int number, LocalDate day, boolean keptNoContact, int mood, int urge,
			String html) {
	}

	/**
	 * One slip. For anyone but the owner, {@code kind} and {@code initiatedBy} are null unless the
	 * owner shared its story, and the note is always empty: others learn only that a fresh start
	 * happened on that day.
	 */
	public record SlipRow(long id, LocalDate day, SlipKind kind, Initiator initiatedBy, String note, boolean shared) {

		/** Whether this reader sees what happened and who started it. */
		public boolean detailed() {
			return kind != null;
		}
	}

	public record ContactRow(LocalDate day, ContactChannel channel, String offered, String response) {
	}

	public record KeyDateRow(LocalDate day, String label, String note) {
	}

	/** Everything the plan page shows. Private parts (slip notes, the contact log) are empty for other readers. */
	public record PlanPage(long topicId, String slug, String title, Visibility visibility, ContentStatus topicStatus,
			PlanStatus status, long ownerId, String ownerUsername, String ownerName, String zoneId, String statement,
			LocalDate startDate, int targetDays, String reasons, String triggers, String instead, Streaks streaks,
			List<KeyDateRow> keyDates, List<CheckInRow> checkIns, List<RecentCheckIn> recent, List<SlipRow> slips,
			List<ContactRow> contacts, boolean owner, PlanPurpose purpose) {

		public PlanGuidance guidance() {
			return purpose.guidance();
		}

		public LocalDate today() {
			return streaks.today();
		}

		public boolean active() {
			return status == PlanStatus.ACTIVE;
		}

		public Optional<KeyDateRow> nextKeyDate() {
			return keyDates.stream().filter(k -> !k.day().isBefore(today())).findFirst();
		}

		public long daysUntil(LocalDate day) {
			return ChronoUnit.DAYS.between(today(), day);
		}

		public Optional<CheckInRow> checkInOn(LocalDate day) {
			return checkIns.stream().filter(c -> c.day().equals(day)).findFirst();
		}

		public boolean checkedInToday() {
			return checkInOn(today()).isPresent();
		}
	}

	/** One check-in in the feed. */
	public record FeedItem(long postId, int number, long topicId, String slug, String title, String authorUsername,
			String authorName, LocalDate day, boolean keptNoContact, int mood, int urge, String html, Instant postedAt,
			int replies) {

		public boolean needsEncouragement() {
			return (urge >= 7 || mood <= 2) && replies == 0;
		}
	}

	public record PlanHistoryRow(long topicId, String title, PlanStatus status, LocalDate startDate) {
	}

	/** A member's plan as their profile shows it. */
	public record PlanSummary(long topicId, String slug, String title, PlanStatus status, long dayNumber,
			boolean freshStartTomorrow, long longest, long totalDays, int slips, int targetDays) {
	}

	/** A member's day counter, longest streak and whether today's check-in is done (for partners). */
	public record Progress(long topicId, LocalDate startDate, long dayNumber, long longest, boolean checkedInToday) {
	}
}
