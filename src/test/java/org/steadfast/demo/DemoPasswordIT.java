package org.steadfast.demo;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.steadfast.support.IntegrationTest;

/**
 * With the development password set (the {@code dev} profile does), a developer signs in as any
 * demo member, the moderator included; a wrong password still fails. A database of its own.
 */
@IntegrationTest
@TestPropertySource(properties = { "steadfast.demo-data=true", "steadfast.demo.password=walk-away-calmly",
		"spring.datasource.url=jdbc:h2:mem:steadfast-demo-password;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1" })
class DemoPasswordIT {

	@Autowired
	MockMvc mvc;

	@Test
	void everyDemoMemberSignsInWithTheDevelopmentPassword() throws Exception {
		int address = 1;
		for (DemoContent.Person person : DemoContent.PEOPLE) {
			String from = "198.51.100." + address++;
			mvc.perform(post("/login").with(csrf()).with(r -> {
				r.setRemoteAddr(from);
				return r;
			}).param("login", person.username()).param("password", "walk-away-calmly"))
					.andExpect(authenticated().withUsername(person.username()));
		}
		mvc.perform(post("/login").with(csrf()).with(r -> {
			r.setRemoteAddr("198.51.100.200");
			return r;
		}).param("login", "northstar").param("password", "walk-away-calmlY")).andExpect(unauthenticated());
	}
}
