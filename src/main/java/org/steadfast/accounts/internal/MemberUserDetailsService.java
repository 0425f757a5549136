package org.steadfast.accounts.internal;

import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.MemberRepository;
import org.steadfast.accounts.MemberService;

/**
 * Finds a member by username or email address for sign-in and remember-me, and stores the
 * stronger hash that sign-in computes when the stored one is old (bcrypt, or a cheaper Argon2).
 */
@Component
class MemberUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final MemberRepository members;
	private final MemberService memberService;

	MemberUserDetailsService(MemberRepository members, MemberService memberService) {
		this.members = members;
		this.memberService = memberService;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String login) {
		if (login == null || login.isBlank() || login.length() > 254) {
			throw new UsernameNotFoundException("unknown");
		}
		String key = login.trim().toLowerCase(Locale.ROOT);
		var found = members.findByLogin(key);
		// A username that equals someone else's email cannot exist (usernames have no '@'), so
		// at most one row matches; prefer the username match defensively.
		return found.stream()
				.sorted((a, b) -> Boolean.compare(!a.getUsername().equalsIgnoreCase(key), !b.getUsername().equalsIgnoreCase(key)))
				.findFirst()
				.map(MemberPrincipal::of)
				.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		if (!(user instanceof MemberPrincipal member)) {
			return user;
		}
		if (!memberService.upgradePasswordHash(member.id(), member.password(), newPassword)) {
			return member;
		}
		return new MemberPrincipal(member.id(), member.username(), member.displayName(), member.zoneId(), member.role(),
				newPassword, member.suspendedUntil());
	}
}
