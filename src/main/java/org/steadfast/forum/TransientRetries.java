package org.steadfast.forum;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.hibernate.StaleStateException;
import org.hibernate.exception.LockAcquisitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.steadfast.common.Refusal;

/**
 * Applies {@link RetriedWhenBusy}: an interceptor placed outside the transaction interceptor, so
 * that each attempt is a whole new transaction.
 */
@Configuration(proxyBeanMethods = false)
class TransientRetries {

	static final int ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(TransientRetries.class);

	/** MySQL/MariaDB deadlock and lock wait timeout; H2 concurrent update, deadlock and lock timeout. */
	private static final Set<Integer> TRANSIENT_CODES = Set.of(1213, 1205, 90131, 40001, 50200);

	/** Deadlocks met so far: writes that keep one lock order meet none, and tests hold them to that. */
	private static final AtomicLong DEADLOCKS = new AtomicLong();

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor retriedWhenBusyAdvisor() {
		var advisor = new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(RetriedWhenBusy.class),
				new Interceptor());
		// Before (outside) the transaction advisor, which has the lowest precedence.
		advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
		return advisor;
	}

	static final class Interceptor implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			// Inside a caller's transaction nothing can be tried again here: the caller's retry does it.
			if (TransactionSynchronizationManager.isActualTransactionActive()
					|| !(invocation instanceof ProxyMethodInvocation proxied)) {
				return invocation.proceed();
			}
			for (int attempt = 1;; attempt++) {
				try {
					return proxied.invocableClone().proceed();
				}
				catch (RuntimeException e) {
					if (!isTransient(e)) {
						throw e;
					}
					if (isDeadlock(e)) {
						DEADLOCKS.incrementAndGet();
					}
					if (attempt >= ATTEMPTS) {
						log.warn("{} gave way to concurrent writes {} times; refused as busy: {}",
								invocation.getMethod().getName(), attempt, e.toString());
						throw Refusal.busy(e);
					}
					log.info("{} gave way to a concurrent write (attempt {}), trying again: {}",
							invocation.getMethod().getName(), attempt, e.toString());
					pause(attempt);
				}
			}
		}

		/** A random pause that grows with each attempt, so that the writers that collided part. */
		private static void pause(int attempt) throws InterruptedException {
			Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt + 1));
		}
	}

	static long deadlocks() {
		return DEADLOCKS.get();
	}

	static boolean isDeadlock(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLException sql && (sql.getErrorCode() == 1213 || "40001".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	static boolean isTransient(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ConcurrencyFailureException || t instanceof OptimisticLockException
					|| t instanceof PessimisticLockException
					|| t instanceof LockTimeoutException
					|| t instanceof StaleStateException
					|| t instanceof LockAcquisitionException
					|| t instanceof SQLTransactionRollbackException) {
				return true;
			}
			if (t instanceof SQLException sql
					&& (TRANSIENT_CODES.contains(sql.getErrorCode()) || "40001".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}
}
