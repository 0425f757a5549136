package org.steadfast.ops.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.steadfast.ops.NodeProperties;

/**
 * Gives every request an id: the load balancer's {@code X-Request-Id} when it sent a sane one,
 * otherwise a new one. The id is in every log line written while the request runs ({@code requestId}
 * in the MDC), in the response header, and, with {@code steadfast.request-log=true}, in one summary line
 * per request (method, path, status, time). Query strings are never logged: they hold what people
 * search for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";
	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
	private static final Logger requests = LoggerFactory.getLogger("steadfast.requests");

	private final boolean logRequests;

	RequestIds(NodeProperties node) {
		this.logRequests = node.isRequestLog();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		String id = given != null && SANE.matcher(given).matches() ? given : newId();
		long started = System.nanoTime();
		MDC.put("requestId", id);
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (logRequests) {
				requests.info("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
						(System.nanoTime() - started) / 1_000_000);
			}
			MDC.remove("requestId");
		}
	}

	private static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
	}
}
