package org.steadfast.web.security;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.steadfast.accounts.PasswordHashing;
import org.steadfast.ops.Secrets;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may see what, and the headers every response carries. Reading public pages needs no
 * account; every state change is a POST with a CSRF token and a signed-in member.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

	/**
	 * Only marks tokens this node created; the remember-me tokens themselves are checked against
	 * the database, so a per-start random key is safe unless configured.
	 */
	private final String rememberMeKey;

	private final int managementPort;

	SecurityConfig(@Value("${steadfast.security.remember-me-key:}") String key, Secrets secrets,
			@Value("${management.server.port:-1}") int managementPort) {
		this.managementPort = managementPort;
		// Configured, or generated once and shared by every node through the database.
		this.rememberMeKey = secrets.get("remember-me", key);
	}

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

	/** Pages anyone may read; what they show is still filtered by visibility in each module. */
	private static final String[] PUBLIC_PAGES = { "/", "/latest", "/unanswered", "/c/**", "/t/**", "/tags",
			"/tags/**", "/p/*", "/p/*/history", "/plans/*", "/checkins", "/u/*", "/search", "/search/**", "/help", "/help/**", "/login", "/register",
			"/verify", "/password/forgot", "/password/reset", "/email/confirm", "/unsubscribe/*" };

	/** Forms reached from a mailed link, which work without signing in (the token is the proof). */
	private static final String[] MAIL_LINK_FORMS = { "/verify", "/password/forgot", "/password/reset", "/email/confirm",
			"/unsubscribe/*" };

	/** Pages under a public prefix that still need a signed-in member. */
	private static final String[] MEMBER_PAGES = { "/t/new", "/p/*/edit", "/plans/new", "/plans/mine", "/plans/*/edit",
			"/plans/*/slip", "/plans/*/contact" };

	private static final String[] ASSETS = { "/css/**", "/js/**", "/img/**", "/favicon.ico", "/robots.txt" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, RememberMeServices rememberMe,
			SecurityContextRepository contextRepository, UserDetailsService members, PasswordEncoder passwordEncoder,
			UserDetailsPasswordService hashUpgrades, LoginThrottle throttle, org.steadfast.accounts.MemberService memberService,
			@Value("${steadfast.security.login-throttle.tarpit:1s}") Duration tarpit, DeviceCookies devices,
			org.springframework.security.authentication.AuthenticationEventPublisher authenticationEvents) throws Exception {
		http.addFilterBefore(new LoginTarpit(throttle, devices, tarpit),
				org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
		http.authorizeHttpRequests(auth -> auth
				.requestMatchers(ASSETS).permitAll()
				.requestMatchers("/error", "/actuator/health", "/actuator/health/**").permitAll()
				// Metrics: open to the scraper on the separate management port (never published
				// through the load balancer), and to administrators where they share the site's port.
				.requestMatchers(request -> managementPort > 0 && request.getLocalPort() == managementPort).permitAll()
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				.requestMatchers(HttpMethod.GET, MEMBER_PAGES).authenticated()
				.requestMatchers(HttpMethod.GET, PUBLIC_PAGES).permitAll()
				.requestMatchers(HttpMethod.POST, "/register").permitAll()
				.requestMatchers(HttpMethod.POST, MAIL_LINK_FORMS).permitAll()
				.requestMatchers("/admin/**").hasRole("ADMIN")
				.requestMatchers("/mod/**").hasRole("MODERATOR")
				.anyRequest().authenticated())
			// RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a session or CSRF token;
			// the unguessable token in the URL is what authorises it, and all it can do is unsubscribe.
			.csrf(csrf -> csrf.ignoringRequestMatchers(request -> "POST".equals(request.getMethod())
					&& request.getRequestURI().startsWith(request.getContextPath() + "/unsubscribe/")))
			.authenticationManager(authenticationManager(members, passwordEncoder, hashUpgrades, throttle, authenticationEvents))
			.formLogin(form -> form
				.loginPage("/login")
				.loginProcessingUrl("/login")
				.usernameParameter("login")
				.passwordParameter("password")
				.failureHandler(new LoginFailureHandler(memberService))
				.authenticationDetailsSource(LoginAttemptDetails.source(devices))
				.successHandler(new DeviceCookieSuccessHandler(devices))
				.permitAll())
			.rememberMe(remember -> remember.rememberMeServices(rememberMe))
			.logout(logout -> logout
				.logoutUrl("/logout")
				.logoutSuccessUrl("/?signedOut")
				.deleteCookies("JSESSIONID", "SESSION"))
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new LoggingAccessDeniedHandler()))
			.securityContext(context -> context.securityContextRepository(contextRepository))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	@Bean
	static PasswordEncoder passwordEncoder(
			@Value("${steadfast.security.password-hash.memory-kib:" + PasswordHashing.DEFAULT_MEMORY_KIB + "}") int memoryKib,
			@Value("${steadfast.security.password-hash.iterations:" + PasswordHashing.DEFAULT_ITERATIONS + "}") int iterations) {
		return PasswordHashing.encoder(memoryKib, iterations);
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

	@Bean
	LoginThrottle loginThrottle(@Value("${steadfast.security.login-throttle.max-failures:5}") int maxFailures,
			@Value("${steadfast.security.login-throttle.window:5m}") Duration window,
			@Value("${steadfast.security.login-throttle.shared:${steadfast.cluster:false}}") boolean cluster, JdbcClient jdbc,
			Clock clock) {
		return cluster ? new DatabaseLoginThrottle(jdbc, maxFailures, window, clock)
				: new MemoryLoginThrottle(maxFailures, window, clock);
	}

	/**
	 * One manager without a parent: a throttled or failed sign-in must not fall through to a
	 * second, unthrottled provider, and a failure must be counted once.
	 */
	private AuthenticationManager authenticationManager(UserDetailsService members, PasswordEncoder passwordEncoder,
			UserDetailsPasswordService hashUpgrades, LoginThrottle throttle,
			org.springframework.security.authentication.AuthenticationEventPublisher events) {
		var dao = new DaoAuthenticationProvider(members);
		dao.setPasswordEncoder(passwordEncoder);
		// Old (bcrypt) hashes become Argon2 at the member's next sign-in.
		dao.setUserDetailsPasswordService(hashUpgrades);
		// Tell a member they are suspended only once they proved who they are.
		dao.setPreAuthenticationChecks(user -> {
		});
		dao.setPostAuthenticationChecks(user -> {
			if (!user.isAccountNonLocked()) {
				throw new org.springframework.security.authentication.LockedException("suspended");
			}
		});
		var manager = new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle),
				new RememberMeAuthenticationProvider(rememberMeKey));
		// Every sign-in, failed or not, reaches the security log (SecurityEvents).
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	/**
	 * Sign-in outcomes as Spring Security events; a throttled attempt is published as a lockout
	 * rather than dropped as an unknown failure.
	 */
	@Bean
	static org.springframework.security.authentication.DefaultAuthenticationEventPublisher authenticationEventPublisher(
			org.springframework.context.ApplicationEventPublisher publisher) {
		var events = new org.springframework.security.authentication.DefaultAuthenticationEventPublisher(publisher);
		events.setAdditionalExceptionMappings(java.util.Map.of(LoginThrottledException.class,
				org.springframework.security.authentication.event.AuthenticationFailureLockedEvent.class));
		return events;
	}

	/**
	 * Device cookies, signed with a key configured or generated once and shared by every node
	 * through the database, like the remember-me key.
	 */
	@Bean
	DeviceCookies deviceCookies(@Value("${steadfast.security.device-cookie-key:}") String key, Secrets secrets,
			@Value("${steadfast.security.device-cookie-days:365}") int days, UserDetailsService members) {
		return new DeviceCookies(secrets.get("device-cookie", key), Duration.ofDays(days), login -> {
			try {
				return java.util.Optional.of(members.loadUserByUsername(login).getUsername());
			}
			catch (org.springframework.security.core.userdetails.UsernameNotFoundException e) {
				return java.util.Optional.empty();
			}
		});
	}

	/**
	 * Remember-me tokens live in the database (series + token, rotated on every use), so a stolen
	 * cookie is detected and a sign-out on one device does not depend on a shared secret.
	 */
	@Bean
	RememberMeServices rememberMeServices(UserDetailsService members, DataSource dataSource,
			@Value("${steadfast.security.remember-me-days:30}") int days) {
		var tokens = new JdbcTokenRepositoryImpl();
		tokens.setDataSource(dataSource);
		var services = new PersistentTokenBasedRememberMeServices(rememberMeKey, members, tokens);
		services.setParameter("remember-me");
		services.setTokenValiditySeconds((int) Duration.ofDays(days).toSeconds());
		// Secure whenever the request came over TLS (directly or from a trusted proxy), as the session cookie.
		services.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
		return services;
	}
}
