package org.steadfast.web.security;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.HandlerMapping;
import org.steadfast.accounts.MemberService;
import org.steadfast.accounts.PasswordHashing;
import org.steadfast.accounts.SecurityProperties;
import org.steadfast.ops.NodeProperties;
import org.steadfast.ops.Secrets;
import org.steadfast.web.FormRescue;

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

	private final SecurityProperties security;

	SecurityConfig(SecurityProperties security, Secrets secrets, ObjectProvider<ManagementServerProperties> management) {
		this.security = security;
		ManagementServerProperties server = management.getIfAvailable();
		this.managementPort = server == null || server.getPort() == null ? -1 : server.getPort();
		// Configured, or generated once and shared by every node through the database.
		this.rememberMeKey = secrets.get("remember-me", security.getRememberMeKey());
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
			UserDetailsPasswordService hashUpgrades, LoginThrottle throttle, MemberService memberService,
			DeviceCookies devices, AuthenticationEventPublisher authenticationEvents, ObjectProvider<FormRescue> rescues,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> controllers) throws Exception {
		AuthenticationManager manager = authenticationManager(members, passwordEncoder, hashUpgrades, throttle,
				authenticationEvents);
		var staleForms = new StaleForms(() -> rescues.orderedStream().toList(), rememberMe, contextRepository,
				manager::authenticate);
		http.addFilterBefore(new LoginTarpit(throttle, devices, security.getLoginThrottle().getTarpit()),
				UsernamePasswordAuthenticationFilter.class);
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
				// Signed in, or an address no controller answers: "Page not found", for guests too.
				.anyRequest().access(new UnmappedPages(controllers::getObject)))
			// RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a session or CSRF token;
			// the unguessable token in the URL is what authorises it, and all it can do is unsubscribe.
			.csrf(csrf -> csrf.ignoringRequestMatchers(request -> "POST".equals(request.getMethod())
					&& request.getRequestURI().startsWith(request.getContextPath() + "/unsubscribe/")))
			.authenticationManager(manager)
			.formLogin(form -> form
				.loginPage("/login")
				.loginProcessingUrl("/login")
				.usernameParameter("login")
				.passwordParameter("password")
				.failureHandler(new LoginFailureHandler(memberService))
				.authenticationDetailsSource(LoginAttemptDetails.source(devices))
				.successHandler(new DeviceCookieSuccessHandler(devices, staleForms))
				.permitAll())
			.rememberMe(remember -> remember.rememberMeServices(rememberMe))
			.logout(logout -> logout
				.logoutUrl("/logout")
				.logoutSuccessUrl("/?signedOut")
				.deleteCookies("JSESSIONID", "SESSION"))
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new LoggingAccessDeniedHandler(staleForms)))
			.securityContext(context -> context.securityContextRepository(contextRepository))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	@Bean
	static PasswordEncoder passwordEncoder(SecurityProperties security) {
		SecurityProperties.PasswordHash cost = security.getPasswordHash();
		return PasswordHashing.encoder(cost.getMemoryKib(), cost.getIterations());
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

	@Bean
	LoginThrottle loginThrottle(NodeProperties node, JdbcClient jdbc, Clock clock) {
		SecurityProperties.LoginThrottle settings = security.getLoginThrottle();
		// Unless told otherwise, shared exactly when several nodes take sign-ins.
		boolean shared = settings.getShared() != null ? settings.getShared() : node.isCluster();
		return shared ? new DatabaseLoginThrottle(jdbc, settings.getMaxFailures(), settings.getWindow(), clock)
				: new MemoryLoginThrottle(settings.getMaxFailures(), settings.getWindow(), clock);
	}

	/**
	 * One manager without a parent: a throttled or failed sign-in must not fall through to a
	 * second, unthrottled provider, and a failure must be counted once.
	 */
	private AuthenticationManager authenticationManager(UserDetailsService members, PasswordEncoder passwordEncoder,
			UserDetailsPasswordService hashUpgrades, LoginThrottle throttle,
			AuthenticationEventPublisher events) {
		var dao = new DaoAuthenticationProvider(members);
		dao.setPasswordEncoder(passwordEncoder);
		// Old (bcrypt) hashes become Argon2 at the member's next sign-in.
		dao.setUserDetailsPasswordService(hashUpgrades);
		// Tell a member they are suspended only once they proved who they are.
		dao.setPreAuthenticationChecks(user -> {
		});
		dao.setPostAuthenticationChecks(user -> {
			if (!user.isAccountNonLocked()) {
				throw new LockedException("suspended");
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
	static DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		var events = new DefaultAuthenticationEventPublisher(publisher);
		events.setAdditionalExceptionMappings(Map.of(LoginThrottledException.class, AuthenticationFailureLockedEvent.class));
		return events;
	}

	/**
	 * Device cookies, signed with a key configured or generated once and shared by every node
	 * through the database, like the remember-me key.
	 */
	@Bean
	DeviceCookies deviceCookies(Secrets secrets, UserDetailsService members) {
		String key = secrets.get("device-cookie", security.getDeviceCookieKey());
		return new DeviceCookies(key, security.getDeviceCookieDays(), login -> {
			try {
				return Optional.of(members.loadUserByUsername(login).getUsername());
			}
			catch (UsernameNotFoundException e) {
				return Optional.empty();
			}
		});
	}

	/**
	 * Remember-me tokens live in the database (series + token, rotated on every use), so a stolen
	 * cookie is detected and a sign-out on one device does not depend on a shared secret.
	 */
	@Bean
	RememberMeServices rememberMeServices(UserDetailsService members, DataSource dataSource) {
		var tokens = new JdbcTokenRepositoryImpl();
		tokens.setDataSource(dataSource);
		var services = new PersistentTokenBasedRememberMeServices(rememberMeKey, members, tokens);
		services.setParameter("remember-me");
		services.setTokenValiditySeconds((int) security.getRememberMeDays().toSeconds());
		// Secure whenever the request came over TLS (directly or from a trusted proxy), as the session cookie.
		services.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
		return services;
	}
}
