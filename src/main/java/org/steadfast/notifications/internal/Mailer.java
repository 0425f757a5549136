package org.steadfast.notifications.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.MemberDirectory;
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

		static Recipient of(MemberDirectory.Entry member, boolean discreet) {
			return new Recipient(member.id(), member.email(), member.username(), member.displayName(),
					member.emailVerified(), discreet);
		}
	}

	private final JdbcClient jdbc;
	private final MemberDirectory directory;
	private final MailOutbox outbox;
	private final MailTemplates templates;
	private final String baseUrl;

	Mailer(JdbcClient jdbc, MemberDirectory directory, MailOutbox outbox, MailTemplates templates, SiteAddress site) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.outbox = outbox;
		this.templates = templates;
		this.baseUrl = site.root();
	}

	public String link(String path) {
		return baseUrl + path;
	}

	public Optional<Recipient> recipient(long memberId) {
		return directory.entry(memberId).map(member -> Recipient.of(member, discreet(List.of(memberId)).contains(memberId)));
	}

	/** Several recipients in two statements, for jobs that mail many members. */
	public Map<Long, Recipient> recipients(Collection<Long> memberIds) {
		Map<Long, Recipient> found = new HashMap<>();
		if (memberIds.isEmpty()) {
			return found;
		}
		Set<Long> discreet = discreet(memberIds);
		directory.entries(memberIds).forEach((id, member) -> found.put(id, Recipient.of(member, discreet.contains(id))));
		return found;
	}

	/** Those of the members who chose discreet mode (members without settings did not). */
	private Set<Long> discreet(Collection<Long> memberIds) {
		return new HashSet<>(jdbc.sql("select member_id from mail_setting where member_id in (:ids) and discreet = true")
				.param("ids", memberIds).query(Long.class).list());
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
