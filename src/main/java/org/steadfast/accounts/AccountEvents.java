package org.steadfast.accounts;

import java.time.Instant;

/**
 * Mail that account actions ask for. The events carry the single-use token itself, so they are
 * handled synchronously in the publishing transaction by plain event listeners (never by module
 * listeners, which would store them in the event publication registry): the mail is written to
 * the outbox in the same transaction as the token, or not at all.
 */
public final class AccountEvents {

	private AccountEvents() {
	}

	public record VerificationRequested(long memberId, String email, String token) {
	}

	public record PasswordResetRequested(long memberId, String email, String token) {
	}

	/**
	 * Someone tried to join with the address of this member: they are told (discreetly), the person
	 * who tried is not. {@code at} sets the hour within which one such mail is sent at most.
	 */
	public record JoinAttempted(long memberId, Instant at) {
	}

	/** Sent to the new address: confirming it proves the member can read mail there. */
	public record EmailChangeRequested(long memberId, String newEmail, String token) {
	}
}
