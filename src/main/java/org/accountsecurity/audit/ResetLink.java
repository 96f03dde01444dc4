package org.accountsecurity.audit;

import java.time.Instant;

/**
 * One reset link of an account as the audit trail tells it (the console's reset state):
 * who asked and from where, when it was handed to SMTP (or that sending failed), until
 * when it was valid, and how it ended.
 *
 * @param trigger {@code self}, {@code forgot} or {@code operator}
 * @param requestedBy the request's actor ({@code self} or {@code operator:<id>}), null if
 * not retained
 * @param sentAt when SMTP accepted the mail; null when sending failed
 * @param endedAt when it was used, revoked or expired; null while pending
 * @param endedFrom the client address (as stored) that used or revoked it
 * @param endReason why it was revoked: the event's reason, {@code superseded},
 * {@code password_changed} or {@code mail_failed}
 */
public record ResetLink(String trigger, Instant requestedAt, String requestedFrom, String requestedBy, Instant sentAt,
		Instant failedAt, Instant validUntil, Instant openedAt, Status status, Instant endedAt, String endedFrom,
		String endReason) {

	/** Where the link stands now. */
	public enum Status {

		PENDING, USED, REVOKED, EXPIRED, FAILED

	}

}
