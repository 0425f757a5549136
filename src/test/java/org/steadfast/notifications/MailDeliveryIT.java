package org.steadfast.notifications;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.MemberService;
import org.steadfast.forum.CategoryRepository;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.Topic;
import org.steadfast.forum.TopicService;
import org.steadfast.notifications.internal.DigestJob;
import org.steadfast.notifications.internal.MailSenderJob;
import org.steadfast.support.Members;

import static org.assertj.core.api.Assertions.assertThat;


/** The outbox delivered over SMTP to a GreenMail server: both parts, the RFC 8058 headers, never twice, failures kept. */
// A database of its own: the sender delivers every due mail, and other tests' contexts share the
// test profile's in-memory database, leaving hundreds of mails due that would come first.
@SpringBootTest(properties = { "steadfast.mail.smtp.starttls=false", "steadfast.mail.from=hello@steadfast.example",
		"spring.datasource.url=jdbc:h2:mem:steadfast-mail-delivery;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1" })
@ActiveProfiles("test")
@Import(Members.class)
class MailDeliveryIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
			.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("steadfast.mail.smtp.host", () -> "127.0.0.1");
		registry.add("steadfast.mail.smtp.port", () -> smtp.getSmtp().getPort());
	}

	@Autowired
	MailSenderJob sender;

	@Autowired
	MailOutbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Members members;

	@Autowired
	MemberService memberService;

	@Autowired
	MailSettings mailSettings;

	@Autowired
	TopicService topics;

	@Autowired
	FormTokens formTokens;

	@Autowired
	CategoryRepository categories;

	@Autowired
	DigestJob digest;

	long enqueue(String to, String key) {
		transactions.executeWithoutResult(status -> outbox.enqueue(new OutgoingMail(null, to, "TEST", "Steadfast",
				"Hello " + key, "Plain " + key, "<p>Rich " + key + "</p>", null, key)));
		return jdbc.queryForObject("select id from mail_outbox where idempotency_key = ?", Long.class, key);
	}

	List<MimeMessage> receivedBy(String address) throws Exception {
		return List.of(smtp.getReceivedMessages()).stream().filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (Exception e) {
				return false;
			}
		}).toList();
	}

	@Test
	void aMailIsDeliveredWithTextAndHtmlPartsAndNeverTwice() throws Exception {
		String key = "once-" + UUID.randomUUID();
		String to = key + "@example.org";
		long id = enqueue(to, key);
		transactions.executeWithoutResult(status -> assertThat(outbox.enqueue(new OutgoingMail(null, to, "TEST", "Steadfast",
				"again", "again", "again", null, key))).isFalse());

		sender.sendDue(Instant.now().plusSeconds(1));
		// The scheduled sender may have claimed it first and still be handing it to the server.
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receivedBy(to).size() == 1);
		sender.sendDue(Instant.now().plusSeconds(2));
		List<MimeMessage> received = receivedBy(to);
		assertThat(received).hasSize(1);
		MimeMessage mail = received.get(0);
		assertThat(mail.getSubject()).isEqualTo("Hello " + key);
		assertThat(mail.getFrom()[0].toString()).contains("hello@steadfast.example", "Steadfast");
		String content = parts(mail);
		assertThat(content).contains("text/plain", "Plain " + key, "text/html", "<p>Rich " + key + "</p>");
		assertThat(jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, id)).isEqualTo("SENT");
	}

	@Test
	void aMailThatFailsRecordsWhyAndBacksOffWithoutBlockingTheRest() throws Exception {
		String key = "bad-" + UUID.randomUUID();
		long bad = enqueue("not an address@@", key);
		String goodKey = "good-" + UUID.randomUUID();
		long good = enqueue(goodKey + "@example.org", goodKey);
		Instant now = Instant.now().plusSeconds(5);
		sender.sendDue(now);
		var row = jdbc.queryForMap("select status, attempts, last_error, next_attempt_at from mail_outbox where id = ?", bad);
		assertThat(row.get("status")).isEqualTo("PENDING");
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat((String) row.get("last_error")).isNotBlank();
		assertThat(jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, good)).isEqualTo("SENT");

		// Not retried before its pause is over; retried after it, and failed for good after the last attempt.
		sender.sendDue(now.plusSeconds(30));
		assertThat(jdbc.queryForObject("select attempts from mail_outbox where id = ?", Integer.class, bad)).isEqualTo(1);
		Instant later = now;
		for (int i = 0; i < 6; i++) {
			later = later.plus(Duration.ofHours(13));
			sender.sendDue(later);
		}
		assertThat(jdbc.queryForMap("select status, attempts from mail_outbox where id = ?", bad))
				.containsEntry("status", "FAILED").containsEntry("attempts", 6);
	}

	@Test
	void aDigestArrivesWithOneClickUnsubscribeHeaders() throws Exception {
		MemberPrincipal reader = members.create("smtpreader");
		memberService.updateSettings(reader.id(), reader.displayName(), ZoneId.of("Europe/Lisbon"));
		jdbc.update("update member set email_verified = true where id = ?", reader.id());
		mailSettings.save(reader.id(), new MailSettings.Settings(MailSettings.Digest.DAILY, 7, false));
		long category = categories.findBySlug("starting-out").orElseThrow().getId();
		Topic topic = topics.startTopic(reader.id(), TopicService.NewTopic.discussion(category,
				"Lisbon evenings " + UUID.randomUUID().toString().substring(0, 5), "Hard ones.", List.of()),
				formTokens.issue(reader.id()));
		MemberPrincipal friend = members.create("friend");
		topics.reply(topic.getId(), friend.id(), false, "You are doing well.", formTokens.issue(friend.id()));
		jdbc.update("update mail_setting set last_digest_at = '2020-01-01 00:00:00' where member_id = ?", reader.id());

		Instant at = Instant.parse("2027-01-05T07:10:00Z");
		digest.runAt(at);
		sender.sendDue(at.plusSeconds(60));
		List<MimeMessage> received = receivedBy(reader.username() + "@example.org");
		// The confirmation link sent when they joined, and the digest.
		assertThat(received).hasSize(2);
		MimeMessage mail = received.get(1);
		assertThat(received.get(0).getSubject()).isEqualTo("Confirm your email address");
		assertThat(received.get(0).getHeader("List-Unsubscribe")).isNull();
		String token = mailSettings.unsubscribeToken(reader.id());
		assertThat(mail.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://steadfast.example/unsubscribe/" + token + ">");
		assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(mail.getSubject()).isEqualTo("1 new reply in topics you follow");
		assertThat(parts(mail)).contains(topic.getTitle(), "https://steadfast.example/unsubscribe/" + token);
	}

	private static String parts(MimeMessage mail) throws Exception {
		StringBuilder all = new StringBuilder();
		collect(mail.getContent(), mail.getContentType(), all);
		return all.toString();
	}

	private static void collect(Object content, String type, StringBuilder all) throws Exception {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i).getContent(), multipart.getBodyPart(i).getContentType(), all);
			}
		}
		else {
			all.append(type).append('\n').append(content).append('\n');
		}
	}
}
