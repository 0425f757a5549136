package org.steadfast.notifications.internal;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.AccountEvents.EmailChangeRequested;
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

	@EventListener
	void on(PasswordResetRequested event) {
		mailer.recipient(event.memberId()).ifPresent(to -> mailer.send(to, "RESET", "reset", "mail.reset.subject",
				"mail.reset.subject", new Object[0], Map.of("link", mailer.link("/password/reset?token=" + event.token())),
				null, null));
	}
}
