package org.steadfast.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in and its protections ({@code steadfast.security.*}): password hashing, remembered devices,
 * sign-in throttling, and whose forwarded addresses are believed. Read by the web security
 * configuration and by the hourly clean-up of what outlived these periods.
 */
@ConfigurationProperties("steadfast.security")
@Validated
public class SecurityProperties {

	/**
	 * Marks remember-me tokens as this installation's; empty: generated once and shared by every
	 * node through the database.
	 */
	private String rememberMeKey = "";
	/** How long a remembered device stays signed in (a plain number is days). */
	@DurationUnit(ChronoUnit.DAYS)
	private Duration rememberMeDays = Duration.ofDays(30);
	/** Signs device cookies; empty: generated once and shared by every node through the database. */
	private String deviceCookieKey = "";
	/** How long a device that signed in is known again (a plain number is days). */
	@DurationUnit(ChronoUnit.DAYS)
	private Duration deviceCookieDays = Duration.ofDays(365);
	/**
	 * Proxies whose X-Forwarded-* headers are believed: addresses and IPv4 CIDR ranges,
	 * comma-separated; empty or "none": nobody's.
	 */
	private String trustedProxies = "127.0.0.0/8,::1";
	@Valid
	private final LoginThrottle loginThrottle = new LoginThrottle();
	@Valid
	private final PasswordHash passwordHash = new PasswordHash();

	/** Failed sign-ins counted per account and address. */
	public static class LoginThrottle {

		/** Failures within the window after which sign-in waits. */
		@Positive
		private int maxFailures = 5;
		/** How long a failed sign-in counts. */
		private Duration window = Duration.ofMinutes(5);
		/** The delay added to a sign-in from an unknown device after failures. */
		private Duration tarpit = Duration.ofSeconds(1);
		/**
		 * Count failures in the database, shared by every node; unset: whenever {@code steadfast.cluster} is on.
		 */
		private Boolean shared;

		public int getMaxFailures() { return maxFailures; }
		public void setMaxFailures(int v) { maxFailures = v; }
		public Duration getWindow() { return window; }
		public void setWindow(Duration v) { window = v; }
		public Duration getTarpit() { return tarpit; }
		public void setTarpit(Duration v) { tarpit = v; }
		public Boolean getShared() { return shared; }
		public void setShared(Boolean v) { shared = v; }
	}

	/** Argon2id cost of new password hashes (weaker stored hashes are rewritten at the next sign-in). */
	public static class PasswordHash {

		/** Memory per hash, in KiB. */
		@Positive
		private int memoryKib = PasswordHashing.DEFAULT_MEMORY_KIB;
		/** Passes over that memory. */
		@Positive
		private int iterations = PasswordHashing.DEFAULT_ITERATIONS;

		public int getMemoryKib() { return memoryKib; }
		public void setMemoryKib(int v) { memoryKib = v; }
		public int getIterations() { return iterations; }
		public void setIterations(int v) { iterations = v; }
	}

	public String getRememberMeKey() { return rememberMeKey; }
	public void setRememberMeKey(String v) { rememberMeKey = v; }
	public Duration getRememberMeDays() { return rememberMeDays; }
	public void setRememberMeDays(Duration v) { rememberMeDays = v; }
	public String getDeviceCookieKey() { return deviceCookieKey; }
	public void setDeviceCookieKey(String v) { deviceCookieKey = v; }
	public Duration getDeviceCookieDays() { return deviceCookieDays; }
	public void setDeviceCookieDays(Duration v) { deviceCookieDays = v; }
	public String getTrustedProxies() { return trustedProxies; }
	public void setTrustedProxies(String v) { trustedProxies = v; }
	public LoginThrottle getLoginThrottle() { return loginThrottle; }
	public PasswordHash getPasswordHash() { return passwordHash; }
}
