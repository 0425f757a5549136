package org.steadfast.ops.internal;

import jakarta.servlet.ServletException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class DatabaseOutageTest {

	private final StaticMessageSource messages = new StaticMessageSource();
	private final DatabaseOutage filter = new DatabaseOutage(messages);

	DatabaseOutageTest() {
		messages.addMessage("error.503.title", Locale.ENGLISH, "We'll be right back");
		messages.addMessage("error.503.text", Locale.ENGLISH, "Nothing you wrote is lost.");
	}

	@Test
	void anUnreachableDatabaseIsACalm503() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", "/latest"), response, (req, res) -> {
			res.getWriter();
			throw new ServletException("Request processing failed", new CannotCreateTransactionException(
					"Could not open JPA EntityManager", new SQLTransientConnectionException("Connection is not available")));
		});
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("30");
		assertThat(response.getContentAsString()).contains("right back", "Nothing you wrote is lost").doesNotContain("Exception");
	}

	@Test
	void aConnectionLostMidStatementIsA503Too() throws Exception {
		// What Spring's JDBC translation makes of the driver's read timeout on a hung database.
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", "/latest"), response, (req, res) -> {
			throw new RecoverableDataAccessException("select",
					new SQLRecoverableException("Communications link failure", "08S01"));
		});
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("30");
	}

	@Test
	void otherFailuresAreLeftToTheErrorPages() {
		assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/latest"), new MockHttpServletResponse(),
				(req, res) -> {
					throw new IllegalStateException("a bug");
				})).isInstanceOf(IllegalStateException.class);
	}
}
