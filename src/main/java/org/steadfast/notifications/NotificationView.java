package org.steadfast.notifications;

import java.time.Instant;

/** A notification as the notifications page shows it: the sentence and where it leads. */
public record NotificationView(long id, NotificationKind kind, String message, String link, Instant createdAt,
		boolean read) {
}
