package org.steadfast.ops.internal;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * How long a member's request waits for any one answer from the database
 * ({@code steadfast.database.request-timeout}; off when zero). A database that hangs (a stopped
 * process, a network dropping packets) then fails the request's statement within that time, and
 * {@link DatabaseOutage} answers 503, instead of the request hanging until the driver's own socket
 * timeout, which is long because jobs, mass indexing and migrations may wait on the database far
 * longer. It sets the network timeout of the connections that request threads borrow; the pool
 * puts the connection's own timeout back when it is returned.
 */
final class RequestDatabaseTimeout extends DelegatingDataSource {

	private static final Logger log = LoggerFactory.getLogger(RequestDatabaseTimeout.class);

	private static final ThreadLocal<Boolean> IN_REQUEST = new ThreadLocal<>();

	private final int millis;
	private volatile boolean supported = true;

	private RequestDatabaseTimeout(HikariDataSource pool, Duration timeout) {
		super(pool);
		this.millis = Math.toIntExact(timeout.toMillis());
	}

	/** Wraps the application's connection pool when a timeout is configured. */
	static BeanPostProcessor wrapping(Duration timeout) {
		// Before other wrappers (a statement counter in tests), which would hide the pool.
		return new Wrapper(timeout);
	}

	private static final class Wrapper implements BeanPostProcessor, PriorityOrdered {

		private final Duration timeout;

		Wrapper(Duration timeout) {
			this.timeout = timeout;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String name) {
			if (bean instanceof HikariDataSource pool && timeout != null && !timeout.isNegative() && !timeout.isZero()) {
				return new RequestDatabaseTimeout(pool, timeout);
			}
			return bean;
		}
	}

	/** Runs a request's work with the short timeout on every connection it borrows. */
	static void duringRequest(Work work) throws IOException, ServletException {
		if (IN_REQUEST.get() != null) {
			work.run();
			return;
		}
		IN_REQUEST.set(Boolean.TRUE);
		try {
			work.run();
		}
		finally {
			IN_REQUEST.remove();
		}
	}

	@FunctionalInterface
	interface Work {
		void run() throws IOException, ServletException;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return bounded(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return bounded(super.getConnection(username, password));
	}

	private Connection bounded(Connection connection) throws SQLException {
		if (supported && IN_REQUEST.get() != null) {
			try {
				// Run in place: the driver applies it before the request's first statement.
				connection.setNetworkTimeout(Runnable::run, millis);
			}
			catch (SQLFeatureNotSupportedException e) {
				supported = false;
				log.info("The database driver has no network timeout; requests wait as long as its own settings say");
			}
			catch (SQLException | RuntimeException e) {
				connection.close();
				throw e;
			}
		}
		return connection;
	}
}
