package org.steadfast.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForumPredicatesTest {

	@Test
	void allWordsMeansEveryOneOfUpToThreeThenThreeInFour() {
		assertThat(ForumPredicates.required(1)).isEqualTo(1);
		assertThat(ForumPredicates.required(3)).isEqualTo(3);
		assertThat(ForumPredicates.required(4)).isEqualTo(3);
		assertThat(ForumPredicates.required(8)).isEqualTo(6);
	}

	@Test
	void shortWordsAndNumbersAreNotGuessedAtAndLongOnesForgiveTwoSlips() {
		assertThat(ForumPredicates.editsAllowed("ex")).isZero();
		assertThat(ForumPredicates.editsAllowed("sad")).isZero();
		assertThat(ForumPredicates.editsAllowed("2024")).isZero();
		assertThat(ForumPredicates.editsAllowed("birthdy")).isEqualTo(1);
		assertThat(ForumPredicates.editsAllowed("anniversry")).isEqualTo(2);
	}
}
