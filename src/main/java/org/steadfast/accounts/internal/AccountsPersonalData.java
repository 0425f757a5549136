package org.steadfast.accounts.internal;

import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.ExportWriter;
import org.steadfast.accounts.PersonalData;

/** The account itself, blocks, tokens and remembered devices. Erased last: every other row points here. */
@Component
class AccountsPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	AccountsPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 1000;
	}

	@Override
	public void export(long memberId, ExportWriter out) throws IOException {
		out.kind("account", jdbc, "select id, username, display_name, email, email_verified, time_zone, role, created_at, "
				+ "suspended_until, suspension_reason from member where id = ?", memberId);
		out.kind("blocks", jdbc, "select b.blocked_id, m.username, b.created_at from member_block b "
				+ "join member m on m.id = b.blocked_id where b.blocker_id = ? order by b.created_at", memberId);
		out.kind("data-requests", jdbc, "select kind, requested_at from account_data_request where member_id = ? "
				+ "order by requested_at", memberId);
	}

	@Override
	public void erase(Leaving member) {
		long id = member.memberId();
		jdbc.sql("delete from account_data_request where member_id = ?").param(id).update();
		jdbc.sql("delete from account_token where member_id = ?").param(id).update();
		jdbc.sql("delete from member_block where blocker_id = ? or blocked_id = ?").params(id, id).update();
		jdbc.sql("delete from persistent_logins where username = ?").param(member.username()).update();
	}
}
