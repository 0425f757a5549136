package org.steadfast.support;

import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.Member;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.MemberService;
import org.steadfast.accounts.Role;

/** Creates members for tests, through the same service registration uses. */
@Component
public class Members {

	public static final String PASSWORD = "a long enough sentence";

	private final MemberService members;
	private final JdbcTemplate jdbc;

	public Members(MemberService members, JdbcTemplate jdbc) {
		this.members = members;
		this.jdbc = jdbc;
	}

	public MemberPrincipal create(String prefix) {
		String name = (prefix + UUID.randomUUID().toString().replace("-", "")).substring(0, Math.min(20, prefix.length() + 8));
		Member member = members.register(new MemberService.Registration(name, name + "@example.org", PASSWORD,
				ZoneId.of("Europe/London")));
		return MemberPrincipal.of(member);
	}

	/** A new member made a moderator directly, as an admin's role change would. */
	public MemberPrincipal moderator(String prefix) {
		MemberPrincipal m = create(prefix);
		jdbc.update("update member set role = 'MODERATOR' where id = ?", m.id());
		return new MemberPrincipal(m.id(), m.username(), m.displayName(), m.zoneId(), Role.MODERATOR, m.password());
	}

	public MemberPrincipal admin(String prefix) {
		MemberPrincipal created = create(prefix);
		var admin = members.ensureAdmin(created.username(), created.username() + "@example.org", PASSWORD);
		return MemberPrincipal.of(admin);
	}
}
