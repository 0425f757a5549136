package org.steadfast.notifications.internal;

import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.ExportWriter;
import org.steadfast.accounts.PersonalData;

/**
 * Notification preferences, mail settings, the member's notifications and mail, and the
 * notifications others got about them (which would otherwise still name them).
 */
@Component
class NotificationsPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	NotificationsPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 200;
	}

	@Override
	public void export(long memberId, ExportWriter out) throws IOException {
		out.kind("notification-preferences", jdbc, "select kind, channel from notification_preference where member_id = ? "
				+ "order by kind", memberId);
		out.kind("mail-settings", jdbc, "select digest, digest_hour, discreet, last_digest_at from mail_setting "
				+ "where member_id = ?", memberId);
	}

	@Override
	public void erase(Leaving member) {
		long id = member.memberId();
		jdbc.sql("delete from notification where member_id = ? or actor_id = ?").params(id, id).update();
		jdbc.sql("delete from notification_preference where member_id = ?").param(id).update();
		jdbc.sql("delete from mail_setting where member_id = ?").param(id).update();
		jdbc.sql("delete from mail_outbox where member_id = ? or to_address = ?").params(id, member.email()).update();
		jdbc.sql("delete from digest_sent where member_id = ?").param(id).update();
	}
}
