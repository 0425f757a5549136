package org.steadfast.moderation.internal;

import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.ExportWriter;
import org.steadfast.accounts.PersonalData;

/**
 * Reports the member made, the review of what they wrote, sanctions and notes about them, and the
 * audit entries about them or their posts, and their private list of an ex's names. What they did as staff stays in the record, under the
 * former member.
 */
@Component
class ModerationPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	ModerationPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		// Flags and review items point at posts: gone before the forum erases those.
		return 300;
	}

	@Override
	public void export(long memberId, ExportWriter out) throws IOException {
		out.kind("reports-made", jdbc, "select post_id, reason, note, created_at from flag where member_id = ? order by id",
				memberId);
		out.kind("sanctions", jdbc, "select kind, reason, starts_at, ends_at, lifted_at from sanction where member_id = ? "
				+ "order by id", memberId);
		// The private name list holds fingerprints only: its length and the member's choice are all there is to give.
		out.kind("private-name-list", jdbc, "select entries, replace_own, created_at from ex_name_list where member_id = ?",
				memberId);
	}

	@Override
	public void erase(Leaving member) {
		long id = member.memberId();
		long former = member.formerMemberId();
		String posts = "(select p.id from post p where p.author_id = ?)";
		String topics = "(select t.id from topic t where t.author_id = ?)";
		jdbc.sql("delete from flag where member_id = ? or post_id in " + posts).params(id, id).update();
		jdbc.sql("delete from review_item where post_id in " + posts).param(id).update();
		jdbc.sql("update review_item set closed_by = ? where closed_by = ?").params(former, id).update();
		jdbc.sql("delete from sanction where member_id = ?").param(id).update();
		jdbc.sql("update sanction set created_by = ? where created_by = ?").params(former, id).update();
		jdbc.sql("delete from member_note where member_id = ?").param(id).update();
		jdbc.sql("delete from ex_name_entry where member_id = ?").param(id).update();
		jdbc.sql("delete from ex_name_list where member_id = ?").param(id).update();
		jdbc.sql("update member_note set author_id = ? where author_id = ?").params(former, id).update();
		jdbc.sql("delete from audit_log where target_type = 'MEMBER' and target_id = ?").param(id).update();
		jdbc.sql("delete from audit_log where target_type = 'POST' and target_id in " + posts).param(id).update();
		jdbc.sql("delete from audit_log where target_type = 'TOPIC' and target_id in " + topics).param(id).update();
		jdbc.sql("update audit_log set actor_id = ? where actor_id = ?").params(former, id).update();
	}
}
