package org.steadfast.notifications.internal;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.AccountEvents.EmailChangeRequested;
import org.steadfast.accounts.AccountEvents.JoinAttempted;
import org.steadfast.accounts.AccountEvents.PasswordResetRequested;
import org.steadfast.accounts.AccountEvents.VerificationRequested;
import org.steadfast.accounts.AccountTokens;

/**
 * Writes account mail in the transaction that issued the token (a plain, synchronous listener:
 * these events carry the token and must never be stored in the event registry).
 */
@Component
class AccountMailListener {

	private final Mailer mailer;

	AccountMailListener(Mailer mailer) {
		this.mailer = mailer;
	}

	@EventListener
	void on(VerificationRequested event) {
		mailer.recipient(event.memberId()).ifPresent(to -> mailer.sendConfirmation(to, event.email(), "VERIFY",
				"verify", "mail.verify.subject", Map.of("link", mailer.link("/verify?token=" + event.token()),
						"days", AccountTokens.VERIFICATION_VALIDITY.toDays())));
	}

	@EventListener
	void on(EmailChangeRequested event) {
		mailer.recipient(event.memberId()).ifPresent(to -> mailer.sendConfirmation(to, event.newEmail(),
				"EMAIL_CHANGE", "email-change", "mail.emailChange.subject",
				Map.of("link", mailer.link("/email/confirm?token=" + event.token()))));
	}

	/**
	 * At most one an hour per member, so that nobody can fill a member's inbox by trying to join
	 * with their address; only to a confirmed address, as every mail but the confirmation itself.
	 */
	@EventListener
	void on(JoinAttempted event) {
		String hour = event.at().truncatedTo(ChronoUnit.HOURS).toString();
		mailer.recipient(event.memberId()).ifPresent(to -> mailer.send(to, "JOIN_ATTEMPT", "join-attempt",
				"mail.joinAttempt.subject", "mail.joinAttempt.subjectDiscreet", new Object[0],
				Map.of("signInLink", mailer.link("/login"), "resetLink", mailer.link("/password/forgot")),
				null, "JOIN_ATTEMPT:" + event.memberId() + ":" + hour));
	}

	@EventListener
	void on(PasswordResetRequested event) {
		mailer.recipient(event.memberId()).ifPresent(to -> mailer.send(to, "RESET", "reset", "mail.reset.subject",
				"mail.reset.subject", new Object[0], Map.of("link", mailer.link("/password/reset?token=" + event.token())),
				null, null));
	}
}
