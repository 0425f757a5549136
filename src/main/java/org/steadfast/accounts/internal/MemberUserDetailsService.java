package org.steadfast.accounts.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.MemberRepository;

/** Finds a member by username or email address for sign-in and remember-me. */
@Component
class MemberUserDetailsService implements UserDetailsService {

	private final MemberRepository members;

	MemberUserDetailsService(MemberRepository members) {
		this.members = members;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String login) {
		if (login == null || login.isBlank() || login.length() > 254) {
			throw new UsernameNotFoundException("unknown");
		}
		String key = login.trim().toLowerCase(java.util.Locale.ROOT);
		var found = members.findByLogin(key);
		// A username that equals someone else's email cannot exist (usernames have no '@'), so
		// at most one row matches; prefer the username match defensively.
		return found.stream()
				.sorted((a, b) -> Boolean.compare(!a.getUsername().equalsIgnoreCase(key), !b.getUsername().equalsIgnoreCase(key)))
				.findFirst()
				.map(MemberPrincipal::of)
				.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}
}
