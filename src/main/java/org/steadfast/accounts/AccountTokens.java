package org.steadfast.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Utc;

/**
 * Single-use tokens mailed to members: verifying an address, resetting a password, confirming a
 * new address. Only a SHA-256 of each token is stored; a token is consumed by one atomic UPDATE,
 * so two clicks (or two nodes) can never both use it.
 */
@Service
public class AccountTokens {

	public static final Duration VERIFICATION_VALIDITY = Duration.ofDays(7);
	public static final Duration RESET_VALIDITY = Duration.ofHours(1);
	public static final Duration EMAIL_CHANGE_VALIDITY = Duration.ofDays(1);

	/** A second reset mail within this time is not sent, so nobody can flood someone's inbox. */
	static final Duration RESET_RESEND_PAUSE = Duration.ofMinutes(2);

	public enum Purpose {
		VERIFY, RESET, EMAIL
	}

	/** What happened to a token: used now, or why not. Forged and mistyped tokens are UNKNOWN. */
	public enum Outcome {
		OK, UNKNOWN, EXPIRED, USED, EMAIL_TAKEN
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MemberRepository members;
	private final PasswordEncoder passwordEncoder;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final SignedInSessions sessions;

	private final NameHolds holds;

	AccountTokens(MemberRepository members, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
			JdbcClient jdbc, Clock clock, SignedInSessions sessions, NameHolds holds) {
		this.holds = holds;
		this.sessions = sessions;
		this.members = members;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Mails a link that confirms the member's address (a new one replaces nothing: older links keep working). */
	@Transactional
	public void requestVerification(long memberId) {
		Member member = members.findById(memberId).orElseThrow();
		if (member.isEmailVerified()) {
			return;
		}
		String token = issue(memberId, Purpose.VERIFY, null, VERIFICATION_VALIDITY);
		events.publishEvent(new AccountEvents.VerificationRequested(memberId, member.getEmail(), token));
	}

	@Transactional
	public Outcome verify(String token) {
		var row = consume(token, Purpose.VERIFY);
		if (row.outcome() != Outcome.OK) {
			return row.outcome();
		}
		members.findById(row.memberId()).orElseThrow().markEmailVerified();
		return Outcome.OK;
	}

	/**
	 * Mails a reset link when a verified account uses the address, and does nothing otherwise: the
	 * caller shows the same answer either way, so the form reveals nobody's membership.
	 */
	@Transactional
	public void requestPasswordReset(String email) {
		if (email == null || email.isBlank()) {
			return;
		}
		Optional<Member> found = members.findByEmailKey(Member.key(email));
		if (found.isEmpty() || !found.get().isEmailVerified()) {
			return;
		}
		Member member = found.get();
		long recent = jdbc.sql("select count(*) from account_token where member_id = ? and purpose = 'RESET' and created_at > ?")
				.params(member.getId(), Utc.of(clock.instant().minus(RESET_RESEND_PAUSE))).query(Long.class).single();
		if (recent > 0) {
			return;
		}
		String token = issue(member.getId(), Purpose.RESET, null, RESET_VALIDITY);
		events.publishEvent(new AccountEvents.PasswordResetRequested(member.getId(), member.getEmail(), token));
	}

	/** Whether a reset link still works, for the page a GET shows; nothing is used up. */
	@Transactional(readOnly = true)
	public Outcome checkReset(String token) {
		return state(token, Purpose.RESET);
	}

	/**
	 * Sets a new password with a reset token, which is used up (as are the member's other reset
	 * links). The password rules are checked first, so a weak password does not burn the token.
	 *
	 * @throws IllegalArgumentException with a message key when the password breaks a rule
	 */
	@Transactional
	public Outcome resetPassword(String token, String newPassword) {
		Outcome state = state(token, Purpose.RESET);
		if (state != Outcome.OK) {
			return state;
		}
		long memberId = jdbc.sql("select member_id from account_token where token_hash = ?").param(hash(token))
				.query(Long.class).single();
		Member member = members.findById(memberId).orElseThrow();
		PasswordRules.check(newPassword, member.getUsername(), member.getEmail()).ifPresent(code -> {
			throw new IllegalArgumentException(code);
		});
		var row = consume(token, Purpose.RESET);
		if (row.outcome() != Outcome.OK) {
			return row.outcome();
		}
		member.setPasswordHash(passwordEncoder.encode(newPassword));
		jdbc.sql("update account_token set used_at = ? where member_id = ? and purpose = 'RESET' and used_at is null")
				.params(Utc.of(clock.instant()), memberId).update();
		// Whoever knew the old password should not stay signed in anywhere.
		sessions.endAllFor(memberId);
		return Outcome.OK;
	}

	/**
	 * Mails a confirmation link to a new address after checking the current password. When the
	 * address already belongs to an account nothing is mailed, and the caller answers the same.
	 *
	 * @return false when the current password is wrong
	 */
	@Transactional
	public boolean requestEmailChange(long memberId, String currentPassword, String newEmail) {
		Member member = members.findById(memberId).orElseThrow();
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, member.getPasswordHash())) {
			return false;
		}
		String email = newEmail.trim();
		// A held address (of an erased account) is answered like a taken one: the same, silently.
		if (members.existsByEmailKey(Member.key(email)) || holds.isHeld(email)) {
			return true;
		}
		String token = issue(memberId, Purpose.EMAIL, email, EMAIL_CHANGE_VALIDITY);
		events.publishEvent(new AccountEvents.EmailChangeRequested(memberId, email, token));
		return true;
	}

	@Transactional(readOnly = true)
	public Outcome checkEmailChange(String token) {
		return state(token, Purpose.EMAIL);
	}

	@Transactional
	public Outcome confirmEmailChange(String token) {
		var row = consume(token, Purpose.EMAIL);
		if (row.outcome() != Outcome.OK) {
			return row.outcome();
		}
		String email = jdbc.sql("select new_email from account_token where token_hash = ?").param(hash(token))
				.query(String.class).single();
		if (members.existsByEmailKey(Member.key(email)) || holds.isHeld(email)) {
			return Outcome.EMAIL_TAKEN;
		}
		Member member = members.findById(row.memberId()).orElseThrow();
		member.setEmail(email);
		member.markEmailVerified();
		return Outcome.OK;
	}

	@Transactional(readOnly = true)
	public Outcome checkVerification(String token) {
		return state(token, Purpose.VERIFY);
	}

	private String issue(long memberId, Purpose purpose, String newEmail, Duration validity) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		jdbc.sql("""
				insert into account_token (member_id, purpose, token_hash, new_email, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?)""")
				.params(memberId, purpose.name(), hash(token), newEmail, Utc.of(now), Utc.of(now.plus(validity))).update();
		return token;
	}

	private record Consumed(Outcome outcome, long memberId) {
	}

	private Consumed consume(String token, Purpose purpose) {
		if (!wellFormed(token)) {
			return new Consumed(Outcome.UNKNOWN, 0);
		}
		LocalDateTime now = Utc.of(clock.instant());
		int used = jdbc.sql("""
				update account_token set used_at = ?
				where token_hash = ? and purpose = ? and used_at is null and expires_at > ?""")
				.params(now, hash(token), purpose.name(), now).update();
		if (used == 0) {
			return new Consumed(state(token, purpose), 0);
		}
		long memberId = jdbc.sql("select member_id from account_token where token_hash = ?").param(hash(token))
				.query(Long.class).single();
		return new Consumed(Outcome.OK, memberId);
	}

	private Outcome state(String token, Purpose purpose) {
		if (!wellFormed(token)) {
			return Outcome.UNKNOWN;
		}
		record Row(LocalDateTime expiresAt, LocalDateTime usedAt) {
		}
		return jdbc.sql("select expires_at, used_at from account_token where token_hash = ? and purpose = ?")
				.params(hash(token), purpose.name())
				.query((rs, n) -> new Row(rs.getObject(1, LocalDateTime.class), rs.getObject(2, LocalDateTime.class)))
				.optional()
				.map(row -> row.usedAt() != null ? Outcome.USED
						: row.expiresAt().isAfter(Utc.of(clock.instant())) ? Outcome.OK : Outcome.EXPIRED)
				.orElse(Outcome.UNKNOWN);
	}

	private static boolean wellFormed(String token) {
		return token != null && token.matches("[A-Za-z0-9_-]{43}");
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
