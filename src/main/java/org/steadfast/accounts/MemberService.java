package org.steadfast.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Utc;
import org.steadfast.text.PlainText;

/** Creates members and changes their settings. Every rule is checked here, whatever the caller. */
@Service
public class MemberService {

	private final MemberRepository members;
	private final PasswordEncoder passwordEncoder;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final JdbcClient jdbc;
	private final AccountTokens tokens;
	private final NameHolds holds;

	MemberService(MemberRepository members, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
			Clock clock, JdbcClient jdbc, AccountTokens tokens, NameHolds holds) {
		this.tokens = tokens;
		this.holds = holds;
		this.members = members;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	public record Registration(String username, String email, String password, ZoneId zone) {
	}

	/**
	 * Registers a member. The caller has validated the form; the unique keys are the final word on
	 * duplicates, so two people racing for one name get one account and one clear message.
	 */
	@Transactional
	public Member register(Registration registration) {
		String email = checked(registration);
		if (members.existsByEmailKey(Member.key(email)) || holds.isHeld(email)) {
			throw new DuplicateAccountException("email");
		}
		return create(registration, passwordEncoder.encode(registration.password()));
	}

	/**
	 * Joining through the site: like {@link #register}, except that an address already in use is
	 * never revealed. Then no account is created, the owner of the address is told by mail, and
	 * the caller answers exactly as for a new member. The password is hashed either way, so the
	 * answer takes as long.
	 *
	 * @return the new member, or empty when the address belongs to an account already
	 * @throws DuplicateAccountException for a username that is taken (usernames are public)
	 */
	@Transactional
	public Optional<Member> join(Registration registration) {
		String email = checked(registration);
		String hash = passwordEncoder.encode(registration.password());
		Optional<Member> owner = members.findByEmailKey(Member.key(email));
		if (owner.isPresent()) {
			events.publishEvent(new AccountEvents.JoinAttempted(owner.get().getId(), clock.instant()));
			return Optional.empty();
		}
		if (holds.isHeld(email)) {
			// The address of an account erased a short while ago: nobody may take it yet, and the
			// answer is the same as for any address, so nobody learns it was a member's.
			return Optional.empty();
		}
		return Optional.of(create(registration, hash));
	}

	/** The trimmed address, once the username and password pass their rules and the username is free. */
	private String checked(Registration registration) {
		String username = registration.username().trim();
		String email = registration.email().trim();
		UsernameRules.check(username).ifPresent(code -> {
			throw new IllegalArgumentException(code);
		});
		PasswordRules.check(registration.password(), username, email).ifPresent(code -> {
			throw new IllegalArgumentException(code);
		});
		if (members.existsByUsernameKey(Member.key(username)) || holds.isHeld(username)) {
			throw new DuplicateAccountException("username");
		}
		return email;
	}

	private Member create(Registration registration, String passwordHash) {
		var member = new Member(registration.username().trim(), registration.email().trim(), passwordHash,
				registration.zone(), clock.instant());
		try {
			members.saveAndFlush(member);
		}
		catch (DataIntegrityViolationException e) {
			String message = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase();
			// By the constraint's name: the message may also quote the statement, which names both columns.
			throw new DuplicateAccountException(message.contains("uk_member_email") ? "email" : "username");
		}
		events.publishEvent(new MemberRegistered(member.getId(), member.getUsername()));
		// Posting doesn't wait for this; only mail does.
		tokens.requestVerification(member.getId());
		return member;
	}

	@Transactional
	public Member updateSettings(long memberId, String displayName, ZoneId zone) {
		String name = PlainText.normalize(displayName);
		if (name.isEmpty() || PlainText.length(name) > 50 || PlainText.hasForbiddenCharacters(name)
				|| PlainText.hasLineBreaks(name)) {
			throw new IllegalArgumentException("displayName.invalid");
		}
		var member = members.findById(memberId).orElseThrow();
		member.setDisplayName(name);
		member.setTimeZone(zone);
		return member;
	}

	/** Changes the password when the current one is right; false (and nothing changed) otherwise. */
	@Transactional
	public boolean changePassword(long memberId, String currentPassword, String newPassword) {
		var member = members.findById(memberId).orElseThrow();
		if (!passwordEncoder.matches(currentPassword, member.getPasswordHash())) {
			return false;
		}
		PasswordRules.check(newPassword, member.getUsername(), member.getEmail()).ifPresent(code -> {
			throw new IllegalArgumentException(code);
		});
		member.setPasswordHash(passwordEncoder.encode(newPassword));
		return true;
	}

	/**
	 * Replaces a stored hash with a stronger one of the same password (at sign-in, when the password
	 * is at hand). Only while the old hash is still the stored one: a password changed in between wins.
	 */
	@Transactional
	public boolean upgradePasswordHash(long memberId, String oldHash, String newHash) {
		return jdbc.sql("update member set password_hash = ?, version = version + 1 where id = ? and password_hash = ?")
				.params(newHash, memberId, oldHash).update() == 1;
	}

	/**
	 * Creates or updates the configured administrator at start-up, so that a fresh install is
	 * never without one and never has a well-known default password.
	 */
	@Transactional
	public Member ensureAdmin(String username, String email, String password) {
		var existing = members.findByUsername(username);
		// Reserved names such as "admin" are kept for exactly this account.
		UsernameRules.check(username).filter(code -> !code.equals("username.reserved")).ifPresent(code -> {
			throw new IllegalStateException("STEADFAST_ADMIN_USERNAME is not acceptable: " + code);
		});
		PasswordRules.check(password, username, email).ifPresent(code -> {
			throw new IllegalStateException("STEADFAST_ADMIN_PASSWORD is not acceptable: " + code);
		});
		Member admin = existing.orElseGet(() -> {
			var created = new Member(username, email, passwordEncoder.encode(password), ZoneId.of("UTC"),
					clock.instant());
			return members.save(created);
		});
		admin.setEmail(email);
		if (!passwordEncoder.matches(password, admin.getPasswordHash())) {
			admin.setPasswordHash(passwordEncoder.encode(password));
		}
		admin.setRole(Role.ADMIN);
		// The operator typed this address into the configuration: it counts as confirmed.
		admin.markEmailVerified();
		return admin;
	}

	/** Grants or withdraws a role. An administrator cannot demote themselves (and so lock everyone out). */
	@Transactional
	public void changeRole(long actingAdminId, long memberId, Role role) {
		if (actingAdminId == memberId) {
			throw new IllegalArgumentException("role.notYourself");
		}
		Member member = members.findById(memberId).orElseThrow();
		Role before = member.getRole();
		member.setRole(role);
		events.publishEvent(new RoleChanged(actingAdminId, memberId, before, role));
	}

	@Transactional(readOnly = true)
	public List<Member> search(String prefix) {
		String key = prefix == null ? "" : Member.key(prefix).replace("%", "").replace("_", "\\_");
		return members.search(key, PageRequest.of(0, 50));
	}

	/** Suspends (or, with a far-off date, bans) a member until {@code until}; null lifts it. */
	@Transactional
	public void suspend(long memberId, Instant until, String reason) {
		members.findById(memberId).orElseThrow().suspend(until, until == null ? null : reason);
	}

	/** The suspension of the account behind a login, for the sign-in page to explain it. */
	public record Suspension(Instant until, String reason) {
	}

	@Transactional(readOnly = true)
	public Optional<Suspension> suspensionOf(String login) {
		String key = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
		return members.findByLogin(key).stream().findFirst()
				.filter(m -> m.getSuspendedUntil() != null && m.getSuspendedUntil().isAfter(clock.instant()))
				.map(m -> new Suspension(m.getSuspendedUntil(), m.getSuspensionReason()));
	}

	/** One member blocks another: they no longer see each other's posts, react to or quote each other. */
	@Transactional
	public void block(long blockerId, long blockedId) {
		if (blockerId == blockedId) {
			throw new IllegalArgumentException("block.yourself");
		}
		members.findById(blockedId).orElseThrow();
		jdbc.sql("insert ignore into member_block (blocker_id, blocked_id, created_at) values (?, ?, ?)")
				.params(blockerId, blockedId, Utc.of(clock.instant()))
				.update();
		events.publishEvent(new MemberBlocked(blockerId, blockedId));
	}

	@Transactional
	public void unblock(long blockerId, long blockedId) {
		jdbc.sql("delete from member_block where blocker_id = ? and blocked_id = ?").params(blockerId, blockedId).update();
	}

	@Transactional(readOnly = true)
	public Optional<Member> findById(long id) {
		return members.findById(id);
	}

	@Transactional(readOnly = true)
	public Optional<Member> findByUsername(String username) {
		return members.findByUsername(username);
	}

	@Transactional(readOnly = true)
	public boolean usernameTaken(String username) {
		return members.existsByUsernameKey(Member.key(username)) || holds.isHeld(username);
	}

	@Transactional(readOnly = true)
	public boolean emailTaken(String email) {
		return members.existsByEmailKey(Member.key(email)) || holds.isHeld(email);
	}
}
