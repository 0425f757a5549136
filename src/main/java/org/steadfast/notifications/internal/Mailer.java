package org.steadfast.notifications.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steadfast.notifications.MailOutbox;
import org.steadfast.notifications.OutgoingMail;

/**
 * Turns a template and a member into an outbox row, applying the rules every mail follows: nothing
 * but address confirmations goes to an unverified address, discreet mode gets a neutral sender
 * name and subject, and every link starts from the configured base URL, never a request's Host.
 */
@Component
public class Mailer {

	public record Recipient(long id, String email, String username, String displayName, boolean verified,
			boolean discreet) {
	}

	private final JdbcClient jdbc;
	private final MailOutbox outbox;
	private final MailTemplates templates;
	private final String baseUrl;

	Mailer(JdbcClient jdbc, MailOutbox outbox, MailTemplates templates, @Value("${steadfast.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.templates = templates;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public String link(String path) {
		return baseUrl + path;
	}

	public Optional<Recipient> recipient(long memberId) {
		return jdbc.sql("""
				select m.id, m.email, m.username, m.display_name, m.email_verified, coalesce(s.discreet, false) as discreet
				from member m left join mail_setting s on s.member_id = m.id where m.id = ?""")
				.param(memberId)
				.query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getBoolean(5), rs.getBoolean(6)))
				.optional();
	}

	/** Several recipients in one query, for jobs that mail many members. */
	public Map<Long, Recipient> recipients(java.util.Collection<Long> memberIds) {
		Map<Long, Recipient> found = new HashMap<>();
		jdbc.sql("""
				select m.id, m.email, m.username, m.display_name, m.email_verified, coalesce(s.discreet, false) as discreet
				from member m left join mail_setting s on s.member_id = m.id where m.id in (:ids)""")
				.param("ids", memberIds)
				.query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getBoolean(5), rs.getBoolean(6)))
				.list().forEach(r -> found.put(r.id(), r));
		return found;
	}

	/** A mail from one template, subject from {@code subjectKey} (or the discreet one when the member chose it). */
	public boolean send(Recipient to, String kind, String template, String subjectKey, String discreetSubjectKey,
			Object[] subjectArgs, Map<String, Object> model, String unsubscribeUrl, String idempotencyKey) {
		return compose(to, kind, template, subjectKey, discreetSubjectKey, subjectArgs, model, unsubscribeUrl,
				idempotencyKey).map(outbox::enqueue).orElse(false);
	}

	/** The mail {@link #send} would write, for callers that write many at once; empty for an unconfirmed address. */
	public Optional<OutgoingMail> compose(Recipient to, String kind, String template, String subjectKey,
			String discreetSubjectKey, Object[] subjectArgs, Map<String, Object> model, String unsubscribeUrl,
			String idempotencyKey) {
		if (!to.verified()) {
			return Optional.empty();
		}
		return Optional.of(render(to, to.email(), kind, template, subjectKey, discreetSubjectKey, subjectArgs, model,
				unsubscribeUrl, idempotencyKey));
	}

	/** The one mail an unconfirmed address may get: the link that confirms it. */
	public boolean sendConfirmation(Recipient to, String address, String kind, String template, String subjectKey,
			Map<String, Object> model) {
		return outbox.enqueue(render(to, address, kind, template, subjectKey, subjectKey, new Object[0], model, null, null));
	}

	private OutgoingMail render(Recipient to, String address, String kind, String template, String subjectKey,
			String discreetSubjectKey, Object[] subjectArgs, Map<String, Object> model, String unsubscribeUrl,
			String idempotencyKey) {
		Map<String, Object> all = new HashMap<>(model);
		all.put("recipient", to);
		all.put("discreet", to.discreet());
		all.put("baseUrl", baseUrl);
		all.put("settingsUrl", link("/settings/notifications"));
		all.put("unsubscribeUrl", unsubscribeUrl);
		MailTemplates.Parts parts = templates.render(template, all);
		String subject = to.discreet() ? templates.message(discreetSubjectKey, subjectArgs)
				: templates.message(subjectKey, subjectArgs);
		String fromName = templates.message(to.discreet() ? "mail.from.discreet" : "mail.from");
		return new OutgoingMail(to.id(), address, kind, fromName, subject, parts.text(), parts.html(), unsubscribeUrl,
				idempotencyKey);
	}

	public MailTemplates templates() {
		return templates;
	}
}
