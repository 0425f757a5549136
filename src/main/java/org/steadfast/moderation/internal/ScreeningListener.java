package org.steadfast.moderation.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steadfast.forum.ForumEvents.PostScreened;
import org.steadfast.moderation.ModerationService;

/** Puts screened posts in the review queue in the same transaction as the post, so none is lost. */
@Component
class ScreeningListener {

	private final ModerationService moderation;

	ScreeningListener(ModerationService moderation) {
		this.moderation = moderation;
	}

	@EventListener
	void on(PostScreened event) {
		moderation.queue(event.postId(), String.join(",", event.reasons()), event.held(), event.crisis(), 0);
	}
}
