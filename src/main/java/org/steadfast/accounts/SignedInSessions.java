package org.steadfast.accounts;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.io.Serial;
import java.io.Serializable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a member is signed in: their sessions and remember-me tokens. Ending them signs the member
 * out everywhere (after a password reset, or a ban), or everywhere but here (after a password
 * change). Sessions in the database (the cluster profile, Spring Session JDBC) are found by their
 * principal-name index, so every node's sessions end at once; sessions in this node's memory are
 * tracked from the moment a member signs in to the moment the session ends.
 */
@Service
public class SignedInSessions {

	/** The remember-me cookie's name, as the security configuration sets it. */
	public static final String REMEMBER_ME_COOKIE = "remember-me";

	static final String MARKER = SignedInSessions.class.getName() + ".MEMBER";

	private final MemberRepository members;
	private final JdbcClient jdbc;
	private final FindByIndexNameSessionRepository<?> shared;
	private final Map<Long, Set<HttpSession>> local = new ConcurrentHashMap<>();

	SignedInSessions(MemberRepository members, JdbcClient jdbc,
			ObjectProvider<FindByIndexNameSessionRepository<?>> shared) {
		this.members = members;
		this.jdbc = jdbc;
		this.shared = shared.getIfAvailable();
	}

	/** Signs the member out of every session and every remembered device. */
	public void endAllFor(long memberId) {
		end(memberId, null, null);
	}

	/**
	 * Signs the member out everywhere except in the session of {@code current} (and the device
	 * whose remember-me cookie it carries).
	 */
	public void endOthersFor(long memberId, HttpServletRequest current) {
		HttpSession session = current.getSession(false);
		end(memberId, session == null ? null : session.getId(), rememberMeSeries(current).orElse(null));
	}

	/**
	 * Notes that the member is signed in in the request's session. Needed for sessions kept in
	 * memory only; sessions in the database are found by their index.
	 */
	public void track(long memberId, HttpServletRequest request) {
		if (shared != null) {
			return;
		}
		HttpSession session = request.getSession(false);
		if (session == null) {
			return;
		}
		if (session.getAttribute(MARKER) instanceof Marker marker && marker.memberId == memberId) {
			return;
		}
		session.setAttribute(MARKER, new Marker(memberId, this));
	}

	/** How many sessions of the member this node knows of (in memory; for tests and diagnostics). */
	int localSessions(long memberId) {
		return local.getOrDefault(memberId, Set.of()).size();
	}

	private void end(long memberId, String keepSessionId, String keepSeries) {
		Optional<Member> member = members.findById(memberId);
		if (member.isEmpty()) {
			return;
		}
		String username = member.get().getUsername();
		if (keepSeries == null) {
			jdbc.sql("delete from persistent_logins where username = ?").param(username).update();
		}
		else {
			jdbc.sql("delete from persistent_logins where username = ? and series <> ?").params(username, keepSeries)
					.update();
		}
		// Once the change is committed: a rolled-back reset must not sign anyone out.
		Runnable endSessions = () -> endSessions(memberId, username, keepSessionId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					endSessions.run();
				}
			});
		}
		else {
			endSessions.run();
		}
	}

	private void endSessions(long memberId, String username, String keepSessionId) {
		if (shared != null) {
			for (String id : List.copyOf(shared.findByPrincipalName(username).keySet())) {
				if (!id.equals(keepSessionId)) {
					shared.deleteById(id);
				}
			}
			return;
		}
		for (HttpSession session : List.copyOf(local.getOrDefault(memberId, Set.of()))) {
			try {
				if (!session.getId().equals(keepSessionId)) {
					session.invalidate();
				}
			}
			catch (IllegalStateException alreadyEnded) {
				forget(memberId, session);
			}
		}
	}

	private void remember(long memberId, HttpSession session) {
		local.computeIfAbsent(memberId, id -> ConcurrentHashMap.newKeySet()).add(session);
	}

	private void forget(long memberId, HttpSession session) {
		local.computeIfPresent(memberId, (id, sessions) -> {
			sessions.remove(session);
			return sessions.isEmpty() ? null : sessions;
		});
	}

	/** The series of the request's remember-me cookie (Base64 of URL-encoded "series:token"). */
	static Optional<String> rememberMeSeries(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (REMEMBER_ME_COOKIE.equals(cookie.getName()) && cookie.getValue() != null) {
				try {
					String value = cookie.getValue();
					value = value + "=".repeat((4 - value.length() % 4) % 4);
					String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
					String series = decoded.split(":", 2)[0];
					return series.isEmpty() ? Optional.empty()
							: Optional.of(URLDecoder.decode(series, StandardCharsets.UTF_8));
				}
				catch (IllegalArgumentException malformed) {
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Kept in a session while a member is signed in there: the container tells it when it is put
	 * in and when the session ends (sign-out, expiry, invalidation).
	 */
	private static final class Marker implements HttpSessionBindingListener, Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		private final long memberId;

		/** Not carried over a restart: the in-memory index starts empty then. */
		private final transient SignedInSessions index;

		Marker(long memberId, SignedInSessions index) {
			this.memberId = memberId;
			this.index = index;
		}

		@Override
		public void valueBound(HttpSessionBindingEvent event) {
			if (index != null) {
				index.remember(memberId, event.getSession());
			}
		}

		@Override
		public void valueUnbound(HttpSessionBindingEvent event) {
			if (index != null) {
				index.forget(memberId, event.getSession());
			}
		}
	}
}
