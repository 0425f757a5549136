package org.steadfast.accounts;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is asking, for services and views that behave differently for members and guests. */
public final class CurrentMember {

	private CurrentMember() {
	}

	public static Optional<MemberPrincipal> get() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof MemberPrincipal principal) {
			return Optional.of(principal);
		}
		return Optional.empty();
	}

	public static Optional<Long> id() {
		return get().map(MemberPrincipal::id);
	}

	/** The reader's time zone; guests read in UTC. */
	public static ZoneId zone() {
		return get().map(MemberPrincipal::zone).orElse(ZoneOffset.UTC);
	}
}
