package org.steadfast.notifications;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.PrivateWrite;
import org.steadfast.common.Utc;

/**
 * The mail outbox. A mail is written in the transaction that causes it, so it exists exactly when
 * that change committed; the sender delivers it later. Without SMTP settings it simply stays here,
 * where administrators can read it.
 */
@PrivateWrite
@Service
public class MailOutbox {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final Clock clock;

	MailOutbox(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.clock = clock;
	}

	/** Queues many mails in the caller's transaction, in JDBC batches; duplicates by idempotency key are skipped. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueueAll(List<OutgoingMail> mails) {
		if (mails.isEmpty()) {
			return;
		}
		LocalDateTime now = Utc.of(clock.instant());
		template.batchUpdate("""
				insert ignore into mail_outbox (member_id, to_address, kind, from_name, subject, text_body, html_body,
				    unsubscribe_url, idempotency_key, status, attempts, next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""",
				mails.stream().map(mail -> new Object[] { mail.memberId(), mail.to(), mail.kind(), mail.fromName(),
						mail.subject(), mail.text(), mail.html(), mail.unsubscribeUrl(), mail.idempotencyKey(), now, now })
						.toList());
	}

	/** Queues a mail in the caller's transaction; false when one with the same idempotency key exists. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean enqueue(OutgoingMail mail) {
		LocalDateTime now = Utc.of(clock.instant());
		return jdbc.sql("""
				insert ignore into mail_outbox (member_id, to_address, kind, from_name, subject, text_body, html_body,
				    unsubscribe_url, idempotency_key, status, attempts, next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
				.params(mail.memberId(), mail.to(), mail.kind(), mail.fromName(), mail.subject(), mail.text(), mail.html(),
						mail.unsubscribeUrl(), mail.idempotencyKey(), now, now)
				.update() == 1;
	}
}
