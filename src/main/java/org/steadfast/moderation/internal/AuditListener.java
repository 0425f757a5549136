package org.steadfast.moderation.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.RoleChanged;
import org.steadfast.forum.ForumEvents.RevisionDeleted;
import org.steadfast.forum.ForumEvents.StaffAction;
import org.steadfast.moderation.AuditLog;

/** Staff actions taken in other modules, recorded in the audit log within the action's own transaction. */
@Component
class AuditListener {

	private final AuditLog audit;

	AuditListener(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(StaffAction action) {
		audit.record(action.actorId(), action.action(), action.targetType(), action.targetId(), action.reason(),
				action.before(), action.after());
	}

	/** Who removed which version of which post, and when; the text itself is not kept. */
	@EventListener
	void on(RevisionDeleted deleted) {
		audit.record(deleted.memberId(), "post.revision.delete", "POST", deleted.postId(), null,
				"revision " + deleted.revisionId(), null);
	}

	@EventListener
	void on(RoleChanged change) {
		audit.record(change.adminId(), "member.role", "MEMBER", change.memberId(), null, change.before().name(),
				change.after().name());
	}
}
