package org.steadfast.ops.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * When the database can't be reached, every page answers 503 with a short, calm page and a
 * {@code Retry-After}, instead of an error trace or a 500; the connection pool keeps trying, so the
 * site recovers by itself when the database is back. Sits outside the session and security filters,
 * which read the database too (sessions do, in a cluster), and renders without them. Requests get
 * there quickly: the pool waits briefly for a connection, and a request's statements wait briefly
 * for the database's answer ({@link RequestDatabaseTimeout}), so a hung database is a 503 too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutage extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	private final MessageSource messages;

	DatabaseOutage(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			RequestDatabaseTimeout.duringRequest(() -> chain.doFilter(request, response));
		}
		catch (ServletException | RuntimeException e) {
			if (!isDatabaseOutage(e) || response.isCommitted()) {
				throw e;
			}
			log.warn("Database unreachable, answering 503 for {} {}: {}", request.getMethod(), request.getRequestURI(),
					rootMessage(e));
			response.reset();
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", "30");
			response.setHeader("Cache-Control", "no-store");
			response.setContentType("text/html;charset=UTF-8");
			response.getOutputStream().write(page(request).getBytes(StandardCharsets.UTF_8));
		}
	}

	/**
	 * A failure to reach the database, or a connection lost on the way (refused, reset, timed out):
	 * whichever layer reports it (the pool, the driver, Hibernate, Spring's JDBC translation).
	 */
	static boolean isDatabaseOutage(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
					|| t instanceof SQLNonTransientConnectionException || t instanceof JDBCConnectionException
					|| t instanceof CannotCreateTransactionException || t instanceof ConnectException
					|| t instanceof DataAccessResourceFailureException || t instanceof RecoverableDataAccessException
					|| (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
				return true;
			}
		}
		return false;
	}

	private String page(HttpServletRequest request) {
		String context = request.getContextPath();
		String title = HtmlUtils.htmlEscape(message("error.503.title"));
		String text = HtmlUtils.htmlEscape(message("error.503.text"));
		String site = HtmlUtils.htmlEscape(message("site.name"));
		return """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s · %s</title><link rel="stylesheet" href="%s/css/steadfast.css"></head>
				<body><main class="narrow" id="main"><h1>%s</h1><p>%s</p><p><a href="%s/">%s</a></p></main></body></html>
				""".formatted(title, site, context, title, text, context, HtmlUtils.htmlEscape(message("error.home")));
	}

	private String message(String key) {
		return messages.getMessage(key, null, key, Locale.ENGLISH);
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}
}
