package org.steadfast.notifications.internal;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.steadfast.common.Utc;

/**
 * Delivers the outbox over SMTP. Each row is claimed by an atomic UPDATE (PENDING to SENDING)
 * before it is handed to the server and marked SENT right after, so no row is ever sent twice,
 * even with several nodes; a failure puts it back with a growing pause, and after the last
 * attempt it stays FAILED with the reason, for administrators to see. A row left SENDING by a
 * crash mid-send is not retried automatically: a possible duplicate is worse than a late mail.
 * Without SMTP settings nothing is sent and mail stays in the outbox.
 */
@Component
public class MailSenderJob {

	private static final Logger log = LoggerFactory.getLogger(MailSenderJob.class);

	/** Pauses after the 1st, 2nd, ... failed attempt. */
	static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
			Duration.ofHours(2), Duration.ofHours(12));

	private final JdbcClient jdbc;
	private final ObjectProvider<JavaMailSender> smtp;
	private final Clock clock;
	private final String fromAddress;
	private final int batch;

	MailSenderJob(JdbcClient jdbc, ObjectProvider<JavaMailSender> smtp, Clock clock, MailProperties properties) {
		this.jdbc = jdbc;
		this.smtp = smtp;
		this.clock = clock;
		this.fromAddress = properties.from();
		this.batch = properties.batchSize();
	}

	public boolean enabled() {
		return smtp.getIfAvailable() != null;
	}

	@Scheduled(fixedDelayString = "${steadfast.mail.send-interval:30s}", initialDelayString = "${steadfast.mail.send-interval:30s}")
	// Kept alive while sending (SchedulingConfig): a long queue never loses the lock on a live node,
	// and a crashed node's lock lapses after two minutes (each row is claimed anyway, so never sent twice).
	@SchedulerLock(name = "mail-sender", lockAtMostFor = "PT2M")
	public void run() {
		if (enabled()) {
			sendDue(clock.instant());
		}
	}

	/** Sends what is due at {@code now}; returns how many were sent. */
	public int sendDue(Instant now) {
		JavaMailSender sender = smtp.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		List<Long> due = jdbc.sql("select id from mail_outbox where status = 'PENDING' and next_attempt_at <= ? order by id limit ?")
				.params(Utc.of(now), batch).query(Long.class).list();
		int sent = 0;
		for (long id : due) {
			int claimed = jdbc.sql("update mail_outbox set status = 'SENDING', attempts = attempts + 1 where id = ? and status = 'PENDING'")
					.param(id).update();
			if (claimed == 1 && send(sender, id, now)) {
				sent++;
			}
		}
		return sent;
	}

	private record Row(String to, String fromName, String subject, String text, String html, String unsubscribeUrl,
			int attempts) {
	}

	private boolean send(JavaMailSender sender, long id, Instant now) {
		Row row = jdbc.sql("""
				select to_address, from_name, subject, text_body, html_body, unsubscribe_url, attempts from mail_outbox where id = ?""")
				.param(id)
				.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getInt(7)))
				.single();
		try {
			MimeMessage message = sender.createMimeMessage();
			var helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(fromAddress, row.fromName());
			helper.setTo(row.to());
			helper.setSubject(row.subject());
			helper.setText(row.text(), row.html());
			if (row.unsubscribeUrl() != null) {
				message.setHeader("List-Unsubscribe", "<" + row.unsubscribeUrl() + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
			sender.send(message);
		}
		catch (Exception e) {
			boolean last = row.attempts() > BACKOFF.size();
			String reason = String.valueOf(e.getMessage());
			jdbc.sql("update mail_outbox set status = ?, next_attempt_at = ?, last_error = ? where id = ? and status = 'SENDING'")
					.params(last ? "FAILED" : "PENDING",
							Utc.of(now.plus(BACKOFF.get(Math.min(row.attempts(), BACKOFF.size()) - 1))),
							reason.length() > 500 ? reason.substring(0, 500) : reason, id)
					.update();
			log.warn("Mail {} not sent (attempt {}): {}", id, row.attempts(), reason);
			return false;
		}
		jdbc.sql("update mail_outbox set status = 'SENT', sent_at = ?, last_error = null where id = ?").params(Utc.of(now), id)
				.update();
		return true;
	}
}
