package org.steadfast.support;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application sends, so tests can assert that a page costs a fixed
 * number of queries however much it shows (no N+1). Wraps the DataSource with datasource-proxy.
 * Only statements sent by the thread that reset the counter are counted (MockMvc serves a request
 * on the test's own thread): listeners still working on earlier writes in the background must not
 * make a page look more expensive than it is.
 */
public class StatementCounter {

	private final AtomicInteger count = new AtomicInteger();
	private volatile Thread counting;

	public void reset() {
		counting = Thread.currentThread();
		count.set(0);
	}

	private final List<String> writes = new CopyOnWriteArrayList<>();

	void sent() {
		Thread only = counting;
		if (only == null || only == Thread.currentThread()) {
			count.incrementAndGet();
		}
	}

	void sent(String sql) {
		Thread only = counting;
		if (only == Thread.currentThread()) {
			String verb = sql.stripLeading().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
			if (Set.of("insert", "update", "delete", "merge", "replace").contains(verb)) {
				writes.add(sql);
			}
		}
	}

	/** Runs the action and returns the SQL statements that wrote (insert, update, delete, merge) it sent. */
	public List<String> writes(ThrowingRunnable action) throws Exception {
		reset();
		writes.clear();
		try {
			action.run();
			return List.copyOf(writes);
		}
		finally {
			counting = null;
		}
	}

	public int count() {
		return count.get();
	}

	/** Runs the action and returns how many statements it sent. */
	public int count(ThrowingRunnable action) throws Exception {
		reset();
		action.run();
		return count();
	}

	@FunctionalInterface
	public interface ThrowingRunnable {
		void run() throws Exception;
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		StatementCounter statementCounter() {
			return new StatementCounter();
		}

		@Bean
		static BeanPostProcessor statementCountingDataSource(ObjectProvider<StatementCounter> counter) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
						return ProxyDataSourceBuilder.create(dataSource)
								.name("counted")
								.afterQuery((exec, queries) -> {
									counter.getObject().sent();
									queries.forEach(q -> counter.getObject().sent(q.getQuery()));
								})
								.build();
					}
					return bean;
				}
			};
		}
	}
}
