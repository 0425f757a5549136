package org.steadfast.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.Topic;
import org.steadfast.support.MariaDbTest;

@MariaDbTest
class SearchMariaDbIT extends SearchScenarios {

	/**
	 * Replies committed at the same moment each reindex the topic; with READ COMMITTED the last one
	 * to commit sees all the others, so every reply's words are found.
	 */
	@Test
	void concurrentRepliesAreAllFoundInTheirTopic() throws Exception {
		MemberPrincipal author = members.create("busy");
		Topic topic = topic(author, "Everyone replies at once " + marker(), "The opening post");
		List<String> markers = new ArrayList<>();
		List<Callable<Object>> replies = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String m = marker();
			markers.add(m);
			MemberPrincipal who = members.create("r" + i);
			replies.add(() -> reply(who, topic, "Sending strength " + m));
		}
		var pool = Executors.newFixedThreadPool(8);
		try {
			for (var f : pool.invokeAll(replies)) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		for (String m : markers) {
			assertThat(titles(guest(), m)).as(m).containsExactly(topic.getTitle());
		}
	}
}
