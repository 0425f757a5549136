package org.steadfast.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are stored: Argon2id, which takes every byte of a password (128 characters can be
 * 512 bytes of UTF-8), where bcrypt stops at 72. Hashes written before keep working ({@code {bcrypt}})
 * and are rewritten as Argon2 at the member's next sign-in.
 */
public final class PasswordHashing {

	/** Spring Security's Argon2 defaults since 5.8: 16 MiB of memory, two passes. */
	public static final int DEFAULT_MEMORY_KIB = 1 << 14;
	public static final int DEFAULT_ITERATIONS = 2;

	private static final int BCRYPT_MAX_BYTES = 72;

	private PasswordHashing() {
	}

	/** Encodes new hashes as {@code {argon2}} with the given cost; reads Argon2 hashes of any cost and bcrypt. */
	public static PasswordEncoder encoder(int memoryKib, int iterations) {
		var argon2 = new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations);
		var encoder = new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2, "bcrypt", new OldBcrypt()));
		// A stored value without a known {id} matches nothing (instead of failing the sign-in with a 500).
		encoder.setDefaultPasswordEncoderForMatches(new NothingMatches());
		return encoder;
	}

	private static final class NothingMatches implements PasswordEncoder {

		@Override
		public String encode(CharSequence rawPassword) {
			throw new UnsupportedOperationException("only for matching");
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return false;
		}
	}

	/**
	 * Reads old hashes only. bcrypt refuses passwords over 72 bytes (an exception, a 500 at sign-in);
	 * no such password can have a bcrypt hash, so it simply does not match.
	 */
	private static final class OldBcrypt implements PasswordEncoder {

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

		@Override
		public String encode(CharSequence rawPassword) {
			return bcrypt.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			if (rawPassword == null || rawPassword.toString().getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
				return false;
			}
			return bcrypt.matches(rawPassword, encodedPassword);
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return true;
		}
	}
}
