package org.steadfast.partners.internal;

import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.ExportWriter;
import org.steadfast.accounts.PersonalData;

/**
 * The partner profile, proposals, partnerships and what the member wrote in them. A partnership is
 * two people's conversation: when one leaves, it goes as a whole, so the other is never left
 * with half of it pointing at someone who is gone.
 */
@Component
class PartnersPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	PartnersPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 150;
	}

	@Override
	public void export(long memberId, ExportWriter out) throws IOException {
		out.kind("partner-profile", jdbc, "select looking, check_in_hour, wishes, intro, sos_helper, waiting_reason, "
				+ "matched_at, updated_at from partner_profile where member_id = ?", memberId);
		out.kind("partner-proposals", jdbc, "select id, status, fit, created_at, expires_at, decided_at from partner_proposal "
				+ "where member_a = ? or member_b = ? order by id", memberId, memberId);
		out.kind("partnerships", jdbc, "select id, status, length_days, started_at, ends_at, ended_at from partnership "
				+ "where member_a = ? or member_b = ? order by id", memberId, memberId);
		// Only what they wrote: their partner's words are their partner's.
		out.batches("partner-messages", jdbc, "select id, partnership_id, body, created_at from partner_message "
				+ "where from_id = ? and id > ? order by id limit ?", memberId);
		out.kind("partner-sos", jdbc, "select id, partnership_id, status, created_at, answered_at from partner_sos "
				+ "where member_id = ? order by id", memberId);
	}

	@Override
	public void erase(Leaving member) {
		long id = member.memberId();
		String theirs = "(select id from partnership where member_a = ? or member_b = ?)";
		for (String table : new String[] { "partner_message", "partner_nudge", "partner_sos" }) {
			jdbc.sql("delete from " + table + " where partnership_id in " + theirs).params(id, id).update();
		}
		jdbc.sql("update partner_sos set answered_by = null where answered_by = ?").param(id).update();
		jdbc.sql("delete from partnership where member_a = ? or member_b = ?").params(id, id).update();
		jdbc.sql("delete from partner_busy where member_id = ? or proposal_id in "
				+ "(select id from partner_proposal where member_a = ? or member_b = ?)").params(id, id, id).update();
		jdbc.sql("delete from partner_proposal where member_a = ? or member_b = ?").params(id, id).update();
		jdbc.sql("delete from partner_profile where member_id = ?").param(id).update();
	}
}
