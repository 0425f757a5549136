package org.steadfast.accounts.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.MemberService;

/**
 * Creates or updates the first administrator from STEADFAST_ADMIN_USERNAME, _EMAIL and _PASSWORD.
 * There is no default password: without all three, no administrator is created.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final MemberService members;
	private final String username;
	private final String email;
	private final String password;

	AdminBootstrap(MemberService members, @Value("${steadfast.admin.username:}") String username,
			@Value("${steadfast.admin.email:}") String email, @Value("${steadfast.admin.password:}") String password) {
		this.members = members;
		this.username = username;
		this.email = email;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (username.isBlank() || email.isBlank() || password.isBlank()) {
			log.info("No administrator configured (set STEADFAST_ADMIN_USERNAME, STEADFAST_ADMIN_EMAIL and STEADFAST_ADMIN_PASSWORD to create one)");
			return;
		}
		members.ensureAdmin(username, email, password);
		log.info("Administrator '{}' is ready", username);
	}
}
