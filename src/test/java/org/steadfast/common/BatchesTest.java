package org.steadfast.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {

	@Test
	void cutsIdsIntoBatchesOfTheSizeEachIdOnceInOrder() {
		assertThat(Batches.of(List.of(5L, 3L, 5L, 9L, 1L), 2)).containsExactly(List.of(5L, 3L), List.of(9L, 1L));
		assertThat(Batches.of(List.of(1L, 2L, 3L), 2)).containsExactly(List.of(1L, 2L), List.of(3L));
		assertThat(Batches.of(List.of(), 1000)).isEmpty();
	}
}
