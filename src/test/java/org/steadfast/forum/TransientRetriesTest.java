package org.steadfast.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.steadfast.common.Refusal;

class TransientRetriesTest {

	/** A write that gives way to concurrent writes a given number of times, then succeeds. */
	static class Writer {

		final AtomicInteger calls = new AtomicInteger();
		int failures;
		RuntimeException failure = new CannotAcquireLockException("Deadlock found when trying to get lock");

		@RetriedWhenBusy
		public String write() {
			if (calls.incrementAndGet() <= failures) {
				throw failure;
			}
			return "written";
		}
	}

	Writer target = new Writer();

	Writer proxied() {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(TransientRetries.retriedWhenBusyAdvisor());
		return (Writer) factory.getProxy();
	}

	@AfterEach
	void noTransaction() {
		TransactionSynchronizationManager.setActualTransactionActive(false);
	}

	@Test
	void aDeadlockedWriteIsTriedAgainAndSucceeds() {
		target.failures = 2;
		assertThat(proxied().write()).isEqualTo("written");
		assertThat(target.calls).hasValue(3);
	}

	@Test
	void aWriteThatKeepsLosingIsRefusedAsBusyAfterThreeAttempts() {
		target.failures = Integer.MAX_VALUE;
		target.failure = new ObjectOptimisticLockingFailureException(Category.class, 4L);
		assertThatThrownBy(() -> proxied().write()).isInstanceOfSatisfying(Refusal.class, e -> {
			assertThat(e.reason()).isEqualTo(Refusal.Reason.BUSY);
			assertThat(e.httpStatus()).isEqualTo(503);
			assertThat(e.messageKey()).isEqualTo("posting.busy");
		});
		assertThat(target.calls).hasValue(TransientRetries.ATTEMPTS);
	}

	@Test
	void otherFailuresAreNotTriedAgain() {
		target.failures = 1;
		target.failure = new DataIntegrityViolationException("duplicate form token");
		assertThatThrownBy(() -> proxied().write()).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(target.calls).hasValue(1);
	}

	@Test
	void insideACallersTransactionTheCallerRetries() {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		target.failures = 1;
		assertThatThrownBy(() -> proxied().write()).isInstanceOf(CannotAcquireLockException.class);
		assertThat(target.calls).hasValue(1);
	}

	@Test
	void lockFailuresAreRecognisedThroughTheirCauses() {
		assertThat(TransientRetries.isTransient(new RuntimeException(new SQLException("Deadlock", "40001", 1213)))).isTrue();
		assertThat(TransientRetries.isTransient(new RuntimeException(new SQLException("Lock wait timeout", "HY000", 1205))))
				.isTrue();
		assertThat(TransientRetries.isTransient(new PessimisticLockingFailureException("timeout"))).isTrue();
		assertThat(TransientRetries.isTransient(new RuntimeException(new SQLException("Duplicate", "23000", 1062)))).isFalse();
	}
}
