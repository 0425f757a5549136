package org.steadfast.web.security;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a throttled address wait before its sign-in attempt is answered, without holding a
 * thread: the request is suspended (asynchronous servlet) and dispatched again after the delay,
 * when the usual chain refuses it as throttled. A flood of wrong passwords from one address then
 * costs the server a few requests a second instead of thousands, and readers do not notice it.
 * It sits in the security chain after the CSRF check, which the delayed dispatch does not repeat.
 */
class LoginTarpit extends OncePerRequestFilter {

	private final LoginThrottle throttle;
	private final DeviceCookies devices;
	private final Duration delay;
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "login-tarpit");
		thread.setDaemon(true);
		return thread;
	});

	LoginTarpit(LoginThrottle throttle, DeviceCookies devices, Duration delay) {
		this.throttle = throttle;
		this.devices = devices;
		this.delay = delay;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return delay.isZero() || !"POST".equals(request.getMethod())
				|| !(request.getContextPath() + "/login").equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String login = request.getParameter("login") == null ? "" : request.getParameter("login");
		String device = devices.deviceFor(request, login).orElse(null);
		if (!request.isAsyncSupported() || throttle.waitFor(login, request.getRemoteAddr(), device).isZero()) {
			chain.doFilter(request, response);
			return;
		}
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(delay.toMillis() + 30_000);
		// The dispatch runs the chain again (this filter lets it through), which refuses the attempt as throttled.
		timer.schedule(() -> async.dispatch(), delay.toMillis(), TimeUnit.MILLISECONDS);
	}
}
