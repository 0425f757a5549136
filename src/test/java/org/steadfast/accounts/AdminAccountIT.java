package org.steadfast.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.steadfast.support.IntegrationTest;

/** The configured first administrator (STEADFAST_ADMIN_*), created or updated at every start. */
@IntegrationTest
class AdminAccountIT {

	@Autowired
	MemberService members;

	@Autowired
	MockMvc mvc;

	@Test
	void theConfiguredAdminIsCreatedAndThenUpdatedNeverDuplicated() throws Exception {
		members.ensureAdmin("keeper", "keeper@example.org", "first admin passphrase");
		var admin = members.findByUsername("keeper").orElseThrow();
		assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
		mvc.perform(post("/login").with(csrf()).param("login", "keeper").param("password", "first admin passphrase"))
				.andExpect(authenticated().withRoles("MEMBER", "MODERATOR", "ADMIN"));

		members.ensureAdmin("keeper", "new-keeper@example.org", "second admin passphrase");
		var updated = members.findByUsername("keeper").orElseThrow();
		assertThat(updated.getId()).isEqualTo(admin.getId());
		assertThat(updated.getEmail()).isEqualTo("new-keeper@example.org");
		mvc.perform(post("/login").with(csrf()).param("login", "keeper").param("password", "first admin passphrase"))
				.andExpect(unauthenticated());
		mvc.perform(post("/login").with(csrf()).param("login", "new-keeper@example.org")
				.param("password", "second admin passphrase")).andExpect(authenticated());
	}

	@Test
	void aWeakAdminPasswordStopsTheStartInsteadOfCreatingAWeakAdmin() {
		assertThatThrownBy(() -> members.ensureAdmin("weakling", "weak@example.org", "password123"))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("STEADFAST_ADMIN_PASSWORD");
		assertThat(members.findByUsername("weakling")).isEmpty();
	}
}
