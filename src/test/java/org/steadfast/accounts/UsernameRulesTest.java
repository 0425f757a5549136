package org.steadfast.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;


class UsernameRulesTest {

	@ParameterizedTest
	@ValueSource(strings = { "abc", "hope_2026", "No-Contact", "a1234567890123456789", "___" })
	void acceptsLettersDigitsHyphensAndUnderscores(String username) {
		assertThat(UsernameRules.check(username)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"ab|username.length",
			"a12345678901234567890|username.length",
			"has space|username.characters",
			"emoji😀x|username.characters",
			"josé|username.characters",
			"dot.name|username.characters",
			"at@name|username.characters",
			"tab\tname|username.characters",
			"Admin|username.reserved",
			"MODERATOR|username.reserved" })
	void refusesWithTheRuleThatWasBroken(String username, String code) {
		assertThat(UsernameRules.check(username)).contains(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void requiresAUsername(String username) {
		assertThat(UsernameRules.check(username)).contains("username.required");
		assertThat(UsernameRules.check(null)).contains("username.required");
	}

	@Test
	void refusesNulAndControlCharacters() {
		assertThat(UsernameRules.check("nul\u0000name")).contains("username.characters");
		assertThat(UsernameRules.check("rtl\u202Ename")).contains("username.characters");
	}
}
