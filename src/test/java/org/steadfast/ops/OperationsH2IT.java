package org.steadfast.ops;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.steadfast.support.IntegrationTest;
import org.steadfast.support.Members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


@IntegrationTest
class OperationsH2IT {

	@Autowired
	MockMvc mvc;
	@Autowired
	Members members;
	@Autowired
	Jobs jobs;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Secrets secrets;

	@Test
	void readinessIncludesTheDatabaseAndSearch() throws Exception {
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("UP")));
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
	}

	@Test
	void metricsAreForAdministratorsOnTheSitesPort() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/actuator/prometheus").with(user(members.create("metrics")))).andExpect(status().isForbidden());
		String metrics = mvc.perform(get("/actuator/prometheus").with(user(members.admin("metricsadmin"))))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(metrics).contains("jvm_memory_used_bytes", "hikaricp_connections");
	}

	@Test
	void everyResponseCarriesARequestId() throws Exception {
		String generated = mvc.perform(get("/latest")).andReturn().getResponse().getHeader("X-Request-Id");
		assertThat(generated).matches("[0-9a-f]{32}");
		mvc.perform(get("/latest").header("X-Request-Id", "lb-7f3a-42")).andExpect(header().string("X-Request-Id", "lb-7f3a-42"));
		String replaced = mvc.perform(get("/latest").header("X-Request-Id", "bad id\r\nSet-Cookie: x"))
				.andReturn().getResponse().getHeader("X-Request-Id");
		assertThat(replaced).matches("[0-9a-f]{32}");
	}

	@Test
	void aJobRunIsRecordedWithItsNodeAndOutcome() {
		jobs.run("ops-test-job", () -> "did 3 things");
		assertThat(jdbc.sql("select outcome from job_run where job = 'ops-test-job'").query(String.class).list())
				.containsExactly("did 3 things");
		jobs.run("ops-test-failing", () -> {
			throw new IllegalStateException("boom");
		});
		assertThat(jdbc.sql("select outcome from job_run where job = 'ops-test-failing'").query(String.class).single())
				.isEqualTo("failed: IllegalStateException");
	}

	@Test
	void aGeneratedSecretIsKeptAndSharedUnlessOneIsConfigured() {
		String first = secrets.get("ops-test-secret", "");
		assertThat(first).hasSizeGreaterThanOrEqualTo(40);
		assertThat(secrets.get("ops-test-secret", null)).isEqualTo(first);
		assertThat(secrets.get("ops-test-secret", "configured")).isEqualTo("configured");
	}
}
