package org.steadfast.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.accounts.MemberService;
import org.steadfast.common.Utc;
import org.steadfast.forum.ContentStatus;
import org.steadfast.common.Refusal;
import org.steadfast.forum.ForumQueries;
import org.steadfast.forum.PostRepository;
import org.steadfast.forum.TopicModeration;
import org.steadfast.forum.TopicService;
import org.steadfast.forum.Viewer;
import org.steadfast.moderation.internal.SanctionsInForce;
import org.steadfast.text.PlainText;

/**
 * Flags, decisions from the review queue, sanctions, notes and watched words. Every moderator or
 * admin action writes exactly one audit entry in its own transaction.
 */
@Service
public class ModerationService {

	/** Published to the author of a post flagged as a crisis concern, so they get a private, kind message. */
	public record CrisisConcernRaised(long postId, long authorId) {
	}

	public record Decided(long postId, long moderatorId, Decision decision) {
	}

	/** A member flagged (reported) a post of {@code authorId}; published in the flag's transaction. */
	public record PostFlagged(long postId, long memberId, long authorId, FlagReason reason) {
	}

	public record Sanctioned(long memberId, SanctionKind kind, Instant until, String reason) {
	}

	private final JdbcClient jdbc;
	private final TopicService topics;
	private final TopicModeration topicModeration;
	private final ForumQueries forum;
	private final PostRepository posts;
	private final MemberService members;
	private final AuditLog audit;
	private final ModerationProperties properties;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SanctionsInForce sanctionsInForce;

	ModerationService(JdbcClient jdbc, TopicService topics, TopicModeration topicModeration, ForumQueries forum,
			PostRepository posts, MemberService members, AuditLog audit, ModerationProperties properties,
			ApplicationEventPublisher events, Clock clock, SanctionsInForce sanctionsInForce) {
		this.sanctionsInForce = sanctionsInForce;
		this.jdbc = jdbc;
		this.topics = topics;
		this.topicModeration = topicModeration;
		this.forum = forum;
		this.posts = posts;
		this.members = members;
		this.audit = audit;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A member flags a post, once. Enough flags from different members hide it until a
	 * moderator decides. A crisis concern never shows publicly: the author gets a private message.
	 */
	@Transactional
	public void flag(long postId, long memberId, FlagReason reason, String note) {
		// No sanction check: reporting harm reaches moderators only, and silenced members may report
		// (suspended and banned ones are signed out before any request reaches here; see SanctionGuard).
		var post = posts.findById(postId).orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "error.404.title"));
		if (post.getStatus() == ContentStatus.DELETED || forum.locate(new Viewer(memberId, false), postId).isEmpty()) {
			throw new Refusal(Refusal.Reason.NOT_FOUND, "error.404.title");
		}
		if (post.getAuthorId() == memberId) {
			throw new Refusal(Refusal.Reason.INVALID, "flag.own");
		}
		String text = PlainText.normalize(note);
		if (PlainText.length(text) > 500 || PlainText.hasForbiddenCharacters(text)) {
			throw new Refusal(Refusal.Reason.INVALID, "flag.noteInvalid");
		}
		if (reason == FlagReason.OTHER && text.isEmpty()) {
			throw new Refusal(Refusal.Reason.INVALID, "flag.otherNeedsNote");
		}
		if (reason == FlagReason.CRISIS) {
			long today = jdbc.sql("select count(*) from flag where member_id = ? and reason = 'CRISIS' and created_at > ?")
					.params(memberId, Utc.of(clock.instant().minus(Duration.ofDays(1)))).query(Long.class).single();
			if (today >= properties.getCrisisFlagLimitPerDay()) {
				throw new Refusal(Refusal.Reason.INVALID, "flag.crisisLimit");
			}
		}
		try {
			jdbc.sql("insert into flag (post_id, member_id, reason, note, created_at) values (?, ?, ?, ?, ?)")
					.params(postId, memberId, reason.name(), text, Utc.of(clock.instant())).update();
		}
		catch (DuplicateKeyException e) {
			throw new Refusal(Refusal.Reason.INVALID, "flag.already");
		}
		events.publishEvent(new PostFlagged(postId, memberId, post.getAuthorId(), reason));
		int flags = jdbc.sql("select count(*) from flag where post_id = ? and resolved = false").param(postId)
				.query(Integer.class).single();
		queue(postId, reason == FlagReason.CRISIS ? "crisis-flag" : "flagged", false, reason == FlagReason.CRISIS, flags);
		if (flags >= properties.getFlagThreshold() && post.getStatus() == ContentStatus.VISIBLE) {
			topicModeration.moderatePost(0, postId, ContentStatus.HIDDEN, "post.hiddenByFlags", flags + " flags");
		}
		if (reason == FlagReason.CRISIS) {
			events.publishEvent(new CrisisConcernRaised(postId, post.getAuthorId()));
		}
	}

	/** Opens (or reopens, and merges into) the review item of a post. */
	@Transactional
	public void queue(long postId, String reason, boolean held, boolean crisis, int flagCount) {
		int updated = jdbc.sql("""
				update review_item set status = 'OPEN', crisis = crisis or ?, held = held or ?,
				       reasons = case when reasons like ? then reasons when reasons = '' then ? else concat(reasons, ',', ?) end,
				       flag_count = greatest(flag_count, ?), version = version + 1, closed_at = null, closed_by = null, decision = null
				where post_id = ?""")
				.params(crisis, held, "%" + reason + "%", reason, reason, flagCount, postId).update();
		if (updated == 0) {
			try {
				jdbc.sql("""
						insert into review_item (post_id, status, crisis, held, reasons, flag_count, created_at)
						values (?, 'OPEN', ?, ?, ?, ?, ?)""")
						.params(postId, crisis, held, reason, flagCount, Utc.of(clock.instant())).update();
			}
			catch (DuplicateKeyException e) {
				queue(postId, reason, held, crisis, flagCount);
			}
		}
	}

	/**
	 * A moderator's decision on a queued post. {@code expectedVersion} is the item as the moderator
	 * saw it: if another moderator decided meanwhile, nothing is applied and they see what happened.
	 */
	@Transactional
	public void decide(long itemId, long expectedVersion, long moderatorId, Decision decision, String reason,
			Long categoryId) {
		var item = jdbc.sql("select post_id, status, version from review_item where id = ?").param(itemId)
				.query((rs, n) -> new long[] { rs.getLong(1), "OPEN".equals(rs.getString(2)) ? 1 : 0, rs.getLong(3) })
				.optional().orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "error.404.title"));
		if (item[1] == 0 || item[2] != expectedVersion) {
			throw new Refusal(Refusal.Reason.CONFLICT, "review.alreadyDecided");
		}
		long postId = item[0];
		var post = posts.findById(postId).orElseThrow();
		String action = "post." + decision.name().toLowerCase(Locale.ROOT);
		switch (decision) {
			case APPROVE, DISMISS -> {
				topicModeration.moderatePost(moderatorId, postId, ContentStatus.VISIBLE, action, reason);
				jdbc.sql("update flag set resolved = true where post_id = ?").param(postId).update();
			}
			case HIDE -> topicModeration.moderatePost(moderatorId, postId, ContentStatus.HIDDEN, action, reason);
			case DELETE -> topicModeration.moderatePost(moderatorId, postId, ContentStatus.DELETED, action, reason);
			case LOCK, UNLOCK -> topicModeration.setLocked(moderatorId, post.getTopicId(), decision == Decision.LOCK, reason);
			case PIN, UNPIN -> topicModeration.setPinned(moderatorId, post.getTopicId(), decision == Decision.PIN, reason);
			case MOVE -> {
				if (categoryId == null) {
					throw new Refusal(Refusal.Reason.INVALID, "review.chooseCategory");
				}
				try {
					topicModeration.move(moderatorId, post.getTopicId(), categoryId, reason);
				}
				catch (Refusal e) {
					throw new Refusal(Refusal.Reason.INVALID, e.messageKey());
				}
			}
		}
		boolean closes = decision == Decision.APPROVE || decision == Decision.DISMISS || decision == Decision.HIDE
				|| decision == Decision.DELETE;
		jdbc.sql("""
				update review_item set status = ?, closed_at = ?, closed_by = ?, decision = ?, version = version + 1
				where id = ? and version = ?""")
				.params(closes ? "CLOSED" : "OPEN", closes ? Utc.of(clock.instant()) : null, closes ? moderatorId : null,
						decision.name(), itemId, expectedVersion)
				.update();
		events.publishEvent(new Decided(postId, moderatorId, decision));
	}

	/** Edits a post as a moderator, with a reason; the audit keeps the text before and after. */
	@Transactional
	public void editPost(long postId, long moderatorId, String body, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new Refusal(Refusal.Reason.INVALID, "review.reasonRequired");
		}
		var post = posts.findById(postId).orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "error.404.title"));
		String before = post.getSource();
		try {
			topics.edit(postId, moderatorId, true, null, body, post.getVersion());
		}
		catch (Refusal e) {
			throw new Refusal(Refusal.Reason.INVALID, e.messageKey());
		}
		audit.record(moderatorId, "post.edit", "POST", postId, reason, before, body);
	}

	/** Warns, silences, suspends or bans a member, with a reason the member sees. */
	@Transactional
	public void sanction(long memberId, long moderatorId, SanctionKind kind, Duration duration, String reason) {
		String why = PlainText.normalize(reason);
		if (why.isEmpty() || PlainText.length(why) > 500 || PlainText.hasForbiddenCharacters(why)) {
			throw new Refusal(Refusal.Reason.INVALID, "sanction.reasonRequired");
		}
		if (memberId == moderatorId) {
			throw new Refusal(Refusal.Reason.INVALID, "sanction.notYourself");
		}
		members.findById(memberId).orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "error.404.title"));
		Instant now = clock.instant();
		Instant until = switch (kind) {
			case WARN -> null;
			case BAN -> LocalDateTime.of(9999, 12, 31, 0, 0).toInstant(ZoneOffset.UTC);
			case SILENCE, SUSPEND -> {
				if (duration == null || duration.isNegative() || duration.isZero() || duration.toDays() > 3650) {
					throw new Refusal(Refusal.Reason.INVALID, "sanction.durationInvalid");
				}
				yield now.plus(duration);
			}
		};
		jdbc.sql("insert into sanction (member_id, kind, reason, starts_at, ends_at, created_by) values (?, ?, ?, ?, ?, ?)")
				.params(memberId, kind.name(), why, Utc.of(now), until == null ? null : Utc.of(until), moderatorId).update();
		if (kind == SanctionKind.SUSPEND || kind == SanctionKind.BAN) {
			members.suspend(memberId, until, why);
		}
		sanctionsInForce.reloadAfterCommit();
		audit.record(moderatorId, "member." + kind.name().toLowerCase(Locale.ROOT), "MEMBER", memberId, why, null,
				until == null ? null : until.toString());
		events.publishEvent(new Sanctioned(memberId, kind, until, why));
	}

	/** Lifts every active sanction of a member. */
	@Transactional
	public void lift(long memberId, long moderatorId, String reason) {
		int lifted = jdbc.sql("update sanction set lifted_at = ? where member_id = ? and lifted_at is null and kind <> 'WARN'")
				.params(Utc.of(clock.instant()), memberId).update();
		members.suspend(memberId, null, null);
		sanctionsInForce.reloadAfterCommit();
		audit.record(moderatorId, "member.lift", "MEMBER", memberId, reason, lifted + " sanction(s)", null);
	}

	/** The write-blocking sanction in force for a member, if any. */
	@Transactional(readOnly = true)
	public Optional<String> activeSanction(long memberId) {
		return jdbc.sql("""
				select kind from sanction where member_id = ? and kind <> 'WARN' and lifted_at is null
				and starts_at <= ? and (ends_at is null or ends_at > ?) order by id desc limit 1""")
				.params(memberId, Utc.of(clock.instant()), Utc.of(clock.instant())).query(String.class).optional();
	}

	@Transactional
	public void note(long memberId, long moderatorId, String note) {
		String text = PlainText.normalize(note);
		if (text.isEmpty() || PlainText.length(text) > 2000 || PlainText.hasForbiddenCharacters(text)) {
			throw new Refusal(Refusal.Reason.INVALID, "note.invalid");
		}
		jdbc.sql("insert into member_note (member_id, author_id, note, created_at) values (?, ?, ?, ?)")
				.params(memberId, moderatorId, text, Utc.of(clock.instant())).update();
		audit.record(moderatorId, "member.note", "MEMBER", memberId, null, null, text);
	}

}
