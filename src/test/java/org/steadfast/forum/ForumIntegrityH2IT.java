package org.steadfast.forum;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;


@IntegrationTest
class ForumIntegrityH2IT extends ForumIntegrityScenarios {

	@Autowired
	DataSource dataSource;

	/** H2 gives up a lock wait after a second or two, which lets a test hold a lock past every retry. */
	@Test
	void aReplyThatNeverGetsItsLockComesBackAsBusyWithTheTextKept() throws Exception {
		Topic topic = topic(members.create("holder"), unique("Someone holds the row"));
		MemberPrincipal replier = members.create("waiter");
		var response = new Object() {
			MockHttpServletResponse value;
		};
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (var lock = other.prepareStatement("update topic set reply_count = reply_count where id = ?")) {
				lock.setLong(1, topic.getId());
				lock.executeUpdate();
			}
			response.value = mvc.perform(reply(replier, topic.getId(), "Words that must not be lost")).andReturn()
					.getResponse();
			other.rollback();
		}
		assertThat(response.value.getStatus()).isEqualTo(503);
		assertThat(response.value.getHeader("Retry-After")).isEqualTo("2");
		assertThat(text(response.value)).contains("Many people are writing at this moment", "Words that must not be lost");
		assertThat(count("select count(*) from post where topic_id = ?", topic.getId())).isEqualTo(1);
	}
}
