package org.steadfast.accounts;

import java.io.Serial;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in member as the security context holds it: enough to render any page (name, time
 * zone, role) without a database round trip.
 */
public record MemberPrincipal(long id, String username, String displayName, String zoneId, Role role,
		String password, Instant suspendedUntil) implements UserDetails {

	@Serial
	private static final long serialVersionUID = 1L;

	public MemberPrincipal(long id, String username, String displayName, String zoneId, Role role, String password) {
		this(id, username, displayName, zoneId, role, password, null);
	}

	public static MemberPrincipal of(Member member) {
		return new MemberPrincipal(member.getId(), member.getUsername(), member.getDisplayName(),
				member.getZone().getId(), member.getRole(), member.getPasswordHash(), member.getSuspendedUntil());
	}

	/** Suspended and banned members can't sign in (checked only after the right password, so it reveals nothing). */
	@Override
	public boolean isAccountNonLocked() {
		return suspendedUntil == null || suspendedUntil.isBefore(Instant.now());
	}

	public ZoneId zone() {
		return ZoneId.of(zoneId);
	}

	public boolean isStaff() {
		return role.isStaff();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return switch (role) {
			case MEMBER -> List.of(new SimpleGrantedAuthority("ROLE_MEMBER"));
			case MODERATOR -> List.of(new SimpleGrantedAuthority("ROLE_MEMBER"), new SimpleGrantedAuthority("ROLE_MODERATOR"));
			case ADMIN -> List.of(new SimpleGrantedAuthority("ROLE_MEMBER"), new SimpleGrantedAuthority("ROLE_MODERATOR"),
					new SimpleGrantedAuthority("ROLE_ADMIN"));
		};
	}

	@Override
	public String getPassword() {
		return password;
	}

	@Override
	public String getUsername() {
		return username;
	}

	/** Keeps the password hash out of logs and error reports. */
	@Override
	public String toString() {
		return "MemberPrincipal[" + id + ", " + username + ", " + role + "]";
	}
}
