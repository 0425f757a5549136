package org.steadfast.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

	@ParameterizedTest
	@ValueSource(strings = { "a long enough sentence", "correct-staple-7-river", "Tr0ub4dor&3xyz", "🙂🙂 still counts fine" })
	void acceptsLongUncommonPasswords(String password) {
		assertThat(PasswordRules.check(password, "hope", "hope@example.org")).isEmpty();
	}

	@Test
	void needsTwelveCharactersCountedAsAPersonCountsThem() {
		assertThat(PasswordRules.check("elevenchars", "hope", null)).contains("password.tooShort");
		// Eleven emoji are 22 UTF-16 units but only eleven characters.
		assertThat(PasswordRules.check("🙂".repeat(11), "hope", null)).contains("password.tooShort");
		assertThat(PasswordRules.check("x".repeat(129).replace("xx", "xy"), "hope", null)).contains("password.tooLong");
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1234", "Password1234!", "qwertyuiop123", "123456789012", "iloveyou1234",
			"1q2w3e4r5t6y", "aaaaaaaaaaaaaa", "ababababababab", "!!!123456789012" })
	void refusesCommonPasswordsAndCommonWordsPaddedWithDigits(String password) {
		assertThat(PasswordRules.check(password, "hope", null)).contains("password.common");
	}

	@Test
	void refusesTheUsernameOrEmailAsPassword() {
		assertThat(PasswordRules.check("longusername2024", "LongUsername", null)).contains("password.common");
		assertThat(PasswordRules.check("sunnymorning2024", "hope", "sunnymorning@example.org")).contains("password.common");
	}

	@Test
	void requiresAPassword() {
		assertThat(PasswordRules.check("", "hope", null)).contains("password.required");
		assertThat(PasswordRules.check(null, "hope", null)).contains("password.required");
	}
}
