package org.steadfast.notifications;

/**
 * A rendered mail, ready for the outbox. {@code idempotencyKey} (for example member, kind and
 * period) makes a second copy impossible; {@code unsubscribeUrl} adds the RFC 8058 headers.
 */
public record OutgoingMail(Long memberId, String to, String kind, String fromName, String subject, String text,
		String html, String unsubscribeUrl, String idempotencyKey) {
}
