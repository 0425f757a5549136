package org.steadfast.plans;

import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.ExportWriter;
import org.steadfast.accounts.PersonalData;

/** Plans with their key dates, slips, contact log, check-ins and milestones: all private to the member. */
@Component
class PlansPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	PlansPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		// Check-ins point at posts and plans at topics: gone before the forum erases those.
		return 100;
	}

	@Override
	public void export(long memberId, ExportWriter out) throws IOException {
		out.kind("plans", jdbc, "select id, topic_id, status, purpose, statement, start_date, target_days, reasons, triggers, "
				+ "instead, created_at, ended_at from plan where member_id = ? order by id", memberId);
		out.kind("plan-key-dates", jdbc, "select d.plan_id, d.on_day, d.label, d.note from plan_key_date d "
				+ "join plan p on p.id = d.plan_id where p.member_id = ? order by d.plan_id, d.on_day", memberId);
		out.kind("slips", jdbc, "select s.plan_id, s.on_day, s.kind, s.initiated_by, s.note, s.shared, s.created_at "
				+ "from plan_slip s "
				+ "join plan p on p.id = s.plan_id where p.member_id = ? order by s.id", memberId);
		out.kind("contact-log", jdbc, "select c.plan_id, c.on_day, c.channel, c.offered, c.response, c.created_at "
				+ "from plan_contact c join plan p on p.id = c.plan_id where p.member_id = ? order by c.id", memberId);
		out.batches("check-ins", jdbc, "select c.post_id, c.plan_id, c.on_day, c.kept_no_contact, c.mood, c.urge, c.note "
				+ "from check_in c join plan p on p.id = c.plan_id where p.member_id = ? and c.post_id > ? "
				+ "order by c.post_id limit ?", memberId);
		out.kind("milestones", jdbc, "select m.plan_id, m.streak_start, m.days, m.reached_on from plan_milestone m "
				+ "join plan p on p.id = m.plan_id where p.member_id = ? order by m.reached_on", memberId);
	}

	@Override
	public void erase(Leaving member) {
		long id = member.memberId();
		String plans = "(select id from plan where member_id = ?)";
		for (String table : new String[] { "plan_key_date", "plan_slip", "plan_contact", "check_in", "plan_milestone" }) {
			jdbc.sql("delete from " + table + " where plan_id in " + plans).param(id).update();
		}
		jdbc.sql("delete from plan where member_id = ?").param(id).update();
	}
}
