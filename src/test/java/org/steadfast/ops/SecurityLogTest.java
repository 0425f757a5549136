package org.steadfast.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityLogTest {

	@Test
	void valuesAreQuotedAndCannotEndTheLineOrAddFields() {
		String line = SecurityLog.line("signin.failure", "login", "eve\r\nsignin.success login=\"admin\"\u2028\u0000\u001b",
				"address", "192.0.2.1");
		assertThat(line).isEqualTo("signin.failure login=\"eve\\u000d\\u000asignin.success login=\\\"admin\\\"\\u2028\\u0000\\u001b\" "
				+ "address=\"192.0.2.1\"");
	}

	@Test
	void hiddenCharactersAndLoneSurrogatesAreShownNotKept() {
		assertThat(SecurityLog.line("e", "v", "a\u202Eb\u200Bc\uD800d\uD83D\uDE00")).isEqualTo("e v=\"a\\u202eb\\u200bc\\ud800d\uD83D\uDE00\"");
	}

	@Test
	void longValuesAreCutAndNullIsEmpty() {
		assertThat(SecurityLog.line("e", "v", "x".repeat(1000))).hasSize("e v=\"\"".length() + 256 + 3);
		assertThat(SecurityLog.line("e", "v", null)).isEqualTo("e v=\"\"");
	}
}
