package org.steadfast.accounts.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
	private final AdminProperties admin;

	AdminBootstrap(MemberService members, AdminProperties admin) {
		this.members = members;
		this.admin = admin;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!admin.complete()) {
			log.info("No administrator configured (set STEADFAST_ADMIN_USERNAME, STEADFAST_ADMIN_EMAIL and STEADFAST_ADMIN_PASSWORD to create one)");
			return;
		}
		members.ensureAdmin(admin.getUsername(), admin.getEmail(), admin.getPassword());
		log.info("Administrator '{}' is ready", admin.getUsername());
	}
}
