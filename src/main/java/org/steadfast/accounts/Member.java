package org.steadfast.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** A pseudonymous member of the community. Created only through {@link MemberService}. */
@Entity
@Table(name = "member")
public class Member {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 20)
	private String username;

	@Column(name = "username_key", nullable = false, length = 20)
	private String usernameKey;

	@Column(nullable = false, length = 254)
	private String email;

	@Column(name = "email_key", nullable = false, length = 254)
	private String emailKey;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "display_name", nullable = false, length = 50)
	private String displayName;

	@Column(name = "time_zone", nullable = false, length = 64)
	private String timeZone;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Role role;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "suspended_until")
	private Instant suspendedUntil;

	@Column(name = "suspension_reason", length = 500)
	private String suspensionReason;

	@Column(name = "email_verified", nullable = false)
	private boolean emailVerified;

	@Version
	private long version;

	protected Member() {
	}

	Member(String username, String email, String passwordHash, ZoneId zone, Instant createdAt) {
		this.username = username;
		this.usernameKey = key(username);
		setEmail(email);
		this.passwordHash = passwordHash;
		this.displayName = username;
		this.timeZone = zone.getId();
		this.role = Role.MEMBER;
		this.createdAt = createdAt;
	}

	static String key(String value) {
		return value.trim().toLowerCase(Locale.ROOT);
	}

	void setEmail(String email) {
		this.email = email.trim();
		this.emailKey = key(email);
	}

	void markEmailVerified() {
		this.emailVerified = true;
	}

	/** Whether the member confirmed their address; until then only the verification mail goes to it. */
	public boolean isEmailVerified() {
		return emailVerified;
	}

	void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	void setTimeZone(ZoneId zone) {
		this.timeZone = zone.getId();
	}

	void setRole(Role role) {
		this.role = role;
	}

	void suspend(Instant until, String reason) {
		this.suspendedUntil = until;
		this.suspensionReason = reason;
	}

	public Instant getSuspendedUntil() {
		return suspendedUntil;
	}

	public String getSuspensionReason() {
		return suspensionReason;
	}

	public Long getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	public String getEmail() {
		return email;
	}

	public String getPasswordHash() {
		return passwordHash;
	}

	public String getDisplayName() {
		return displayName;
	}

	public ZoneId getZone() {
		return ZoneId.of(timeZone);
	}

	public Role getRole() {
		return role;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}
}
