package org.steadfast.partners;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Refusal;
import org.steadfast.common.Utc;
import org.steadfast.forum.FormTokens;
import org.steadfast.partners.PartnerEvents.MessageSent;
import org.steadfast.partners.Partnerships.Partnership;

/**
 * The private conversation of two partners. Only the two read it, and only while the partnership
 * lasts. Either may flag a message: a moderator then sees that message alone, and the flag is a
 * report of the partner, so the partnership ends at once.
 */
@Service
public class PartnerMessages {

	public record Message(long id, long fromId, String fromName, String body, Instant sentAt, boolean flagged) {
	}

	/** A flagged message as moderators see it: the message, who wrote it, who flagged it and why. */
	public record FlaggedMessage(long id, String body, Instant sentAt, String fromUsername, String toUsername,
			String note, Instant flaggedAt) {
	}

	private final JdbcClient jdbc;
	private final Partnerships partnerships;
	private final ApplicationEventPublisher events;
	private final FormTokens formTokens;

	PartnerMessages(JdbcClient jdbc, Partnerships partnerships, ApplicationEventPublisher events, FormTokens formTokens) {
		this.formTokens = formTokens;
		this.jdbc = jdbc;
		this.partnerships = partnerships;
		this.events = events;
	}

	/**
	 * Sends a message to the member's current partner; without one it is refused (409). The form's
	 * one-time token makes a double click or a resubmitted form send nothing twice: the message that
	 * token already sent is answered instead.
	 */
	@Transactional
	public long send(long fromId, long toId, String body, String formToken, Instant now) {
		if (!formTokens.isValid(formToken, fromId)) {
			throw Refusal.invalid("body", "form.expired");
		}
		String tokenHash = FormTokens.hash(formToken);
		Optional<Long> already = sentWith(tokenHash);
		if (already.isPresent()) {
			return already.get();
		}
		Partnership partnership = partnerships.activeOf(fromId, now).filter(p -> p.otherOf(fromId) == toId)
				.orElseThrow(() -> new Refusal(Refusal.Reason.CONFLICT, null, "partners.messages.notPartner"));
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("insert into partner_message (partnership_id, from_id, to_id, body, created_at, form_token_hash) "
					+ "values (?, ?, ?, ?, ?, ?)")
					.params(partnership.id(), fromId, toId, body, Utc.of(now), tokenHash).update(keys, "id");
		}
		catch (DuplicateKeyException e) {
			// Two submissions of one form at the same moment: the other one sent it.
			return sentWith(tokenHash).orElseThrow(() -> e);
		}
		long id = keys.getKey().longValue();
		events.publishEvent(new MessageSent(id, fromId, toId));
		return id;
	}

	private Optional<Long> sentWith(String tokenHash) {
		return jdbc.sql("select id from partner_message where form_token_hash = ?").param(tokenHash).query(Long.class)
				.optional();
	}

	/** The conversation of a partnership, oldest first (the latest 200). */
	@Transactional(readOnly = true)
	public List<Message> conversation(long partnershipId) {
		List<Message> newest = jdbc.sql("""
				select pm.id, pm.from_id, m.display_name, pm.body, pm.created_at, pm.flagged_at
				from partner_message pm join member m on m.id = pm.from_id
				where pm.partnership_id = ? order by pm.id desc limit 200""")
				.param(partnershipId)
				.query((rs, n) -> new Message(rs.getLong("id"), rs.getLong("from_id"), rs.getString("display_name"),
						rs.getString("body"), Utc.read(rs, "created_at"), rs.getObject("flagged_at") != null))
				.list();
		List<Message> oldestFirst = new ArrayList<>(newest);
		Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	/**
	 * Flags a message the member received. Only its recipient may, only while they can read it;
	 * returns the sender, whose partnership with the member then ends.
	 */
	@Transactional
	public long flag(long messageId, long memberId, String note, Instant now) {
		record Row(long partnershipId, long fromId, long toId, boolean flagged) {
		}
		Row row = jdbc.sql("select partnership_id, from_id, to_id, flagged_at from partner_message where id = ?")
				.param(messageId)
				.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4) != null))
				.optional()
				.filter(r -> r.toId() == memberId)
				.filter(r -> partnerships.activeOf(memberId, now).map(p -> p.id() == r.partnershipId()).orElse(false))
				.orElseThrow(Refusal::notFound);
		if (row.flagged()) {
			throw new Refusal(Refusal.Reason.CONFLICT, null, "partners.messages.alreadyFlagged");
		}
		jdbc.sql("update partner_message set flagged_at = ?, flag_note = ? where id = ? and flagged_at is null")
				.params(Utc.of(now), note, messageId).update();
		partnerships.separate(memberId, row.fromId(), now);
		return row.fromId();
	}

	/** Flagged messages no moderator has reviewed yet, each on its own. */
	@Transactional(readOnly = true)
	public List<FlaggedMessage> flagged() {
		return jdbc.sql("""
				select pm.id, pm.body, pm.created_at, f.username as from_username, t.username as to_username,
				       pm.flag_note, pm.flagged_at
				from partner_message pm join member f on f.id = pm.from_id join member t on t.id = pm.to_id
				where pm.flagged_at is not null and pm.reviewed_at is null order by pm.flagged_at limit 100""")
				.query((rs, n) -> new FlaggedMessage(rs.getLong("id"), rs.getString("body"), Utc.read(rs, "created_at"),
						rs.getString("from_username"), rs.getString("to_username"), rs.getString("flag_note"),
						Utc.read(rs, "flagged_at")))
				.list();
	}

	@Transactional
	public void reviewed(long messageId, Instant now) {
		if (jdbc.sql("update partner_message set reviewed_at = ? where id = ? and flagged_at is not null and reviewed_at is null")
				.params(Utc.of(now), messageId).update() == 0) {
			throw Refusal.notFound();
		}
	}

	/** Whether a message exists that this member could flag: used to answer 404 alike for all others. */
	@Transactional(readOnly = true)
	public Optional<Long> partnershipOf(long messageId) {
		return jdbc.sql("select partnership_id from partner_message where id = ?").param(messageId).query(Long.class)
				.optional();
	}
}
