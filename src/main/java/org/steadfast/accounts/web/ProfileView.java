package org.steadfast.accounts.web;

import java.time.Instant;
import org.steadfast.accounts.Member;
import org.steadfast.accounts.Role;

record ProfileView(String username, String displayName, Instant joinedAt, Role role) {

	static ProfileView of(Member member) {
		return new ProfileView(member.getUsername(), member.getDisplayName(), member.getCreatedAt(), member.getRole());
	}
}
