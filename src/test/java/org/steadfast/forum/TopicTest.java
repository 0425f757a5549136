package org.steadfast.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.steadfast.common.Refusal;

class TopicTest {

	private static final long AUTHOR = 1L;
	private static final long OTHER = 2L;

	private static Topic topic(TopicKind kind) {
		return new Topic(10L, kind, Visibility.PUBLIC, "A topic", AUTHOR, Instant.parse("2026-12-01T10:00:00Z"));
	}

	@Test
	void aLockedTopicTakesWritesFromStaffOnly() {
		Topic topic = topic(TopicKind.DISCUSSION);
		topic.acceptWrite(false);
		topic.lock();
		assertThatThrownBy(() -> topic.acceptWrite(false)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.LOCKED));
		topic.acceptWrite(true);
		topic.unlock();
		topic.acceptWrite(false);
	}

	@Test
	void onlyTheAuthorMarksAHelpfulReplyAndOnlyInAdviceCategories() {
		Topic topic = topic(TopicKind.DISCUSSION);
		Category advice = new Category("advice", "Advice", "", 1, true);
		Category talk = new Category("talk", "Talk", "", 2, false);
		topic.checkHelpfulMarker(AUTHOR, advice);
		assertThatThrownBy(() -> topic.checkHelpfulMarker(OTHER, advice)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.messageKey()).isEqualTo("helpful.onlyAuthor"));
		assertThatThrownBy(() -> topic.checkHelpfulMarker(AUTHOR, talk)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.messageKey()).isEqualTo("helpful.onlyAdvice"));
	}

	@Test
	void onlyThePlansAuthorChangesWhoMayReadIt() {
		Topic plan = topic(TopicKind.PLAN);
		assertThat(plan.changeVisibility(AUTHOR, Visibility.PUBLIC)).isFalse();
		assertThat(plan.changeVisibility(AUTHOR, Visibility.PRIVATE)).isTrue();
		assertThat(plan.getVisibility()).isEqualTo(Visibility.PRIVATE);
		assertThatThrownBy(() -> plan.changeVisibility(OTHER, Visibility.PUBLIC)).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> topic(TopicKind.DISCUSSION).changeVisibility(AUTHOR, Visibility.PRIVATE))
				.isInstanceOf(Refusal.class);
		assertThat(plan.getVisibility()).isEqualTo(Visibility.PRIVATE);
	}

	@Test
	void pinningAndMovingSayWhatHappens() {
		Topic topic = topic(TopicKind.DISCUSSION);
		topic.pin();
		assertThat(topic.isPinned()).isTrue();
		topic.unpin();
		assertThat(topic.isPinned()).isFalse();
		topic.holdForReview();
		assertThat(topic.getStatus()).isEqualTo(ContentStatus.PENDING);
		topic.followFirstPost(ContentStatus.VISIBLE);
		assertThat(topic.getStatus()).isEqualTo(ContentStatus.VISIBLE);
	}
}
