package org.steadfast.notifications.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.steadfast.common.Refusal;
import org.steadfast.common.Utc;
import org.steadfast.notifications.internal.MailSenderJob;
import org.steadfast.web.Pages;

/** The outbox for administrators: on the embedded default this is where mail can be read. */
@Controller
class MailAdminController {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;
	private final MailSenderJob sender;

	MailAdminController(JdbcClient jdbc, MailSenderJob sender) {
		this.jdbc = jdbc;
		this.sender = sender;
	}

	record MailRow(long id, Instant createdAt, String to, String kind, String subject, String status, int attempts,
			String lastError, Instant sentAt) {
	}

	record MailDetail(MailRow row, String fromName, String text, String html, String unsubscribeUrl) {
	}

	@GetMapping("/admin/mail")
	String list(@RequestParam(defaultValue = "1") String page, Model model) {
		int p = Pages.number(page);
		List<MailRow> rows = jdbc.sql("""
				select id, created_at, to_address, kind, subject, status, attempts, last_error, sent_at
				from mail_outbox order by id desc limit ? offset ?""")
				.params(PAGE_SIZE + 1, Pages.offset(p, PAGE_SIZE))
				.query((rs, n) -> row(rs)).list();
		model.addAttribute("mails", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
		model.addAttribute("pager", Pages.plainSteps(p, rows.size() > PAGE_SIZE, "/admin/mail"));
		model.addAttribute("smtp", sender.enabled());
		return "notifications/admin-mail";
	}

	@GetMapping("/admin/mail/{id}")
	String show(@PathVariable long id, Model model) {
		MailDetail mail = jdbc.sql("""
				select id, created_at, to_address, kind, subject, status, attempts, last_error, sent_at, from_name,
				       text_body, html_body, unsubscribe_url
				from mail_outbox where id = ?""")
				.param(id)
				.query((rs, n) -> new MailDetail(row(rs), rs.getString("from_name"), rs.getString("text_body"),
						rs.getString("html_body"), rs.getString("unsubscribe_url")))
				.optional().orElseThrow(Refusal::notFound);
		model.addAttribute("mail", mail);
		return "notifications/admin-mail-detail";
	}

	private static MailRow row(ResultSet rs) throws SQLException {
		return new MailRow(rs.getLong("id"), Utc.read(rs, "created_at"), rs.getString("to_address"),
				rs.getString("kind"), rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
				rs.getString("last_error"), Utc.read(rs, "sent_at"));
	}
}
