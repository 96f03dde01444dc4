package org.accountsecurity.secondfactor;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountMailer;
import org.accountsecurity.account.SecondFactorRemovalStatus.PendingRemoval;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.mail.OutboxHandler;
import org.accountsecurity.mail.OutboxMessage;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.stereotype.Component;

/**
 * Mails the holder that an operator asked to remove the second factors: when they go, and
 * the link that cancels. The token is made here, at send time, so it exists only in the
 * mail; a retry makes a new one, which replaces the undelivered one. Until this mail is
 * sent nothing is removed; if it cannot be sent at all, the removal is cancelled.
 */
@Component
class RemovalRequestedMailJob implements OutboxHandler {

	static final String CANCEL_PATH = "/second-factor/removal/cancel";

	private final AccountMailer mailer;

	private final PendingRemovals removals;

	private final RemovalCancelTokens tokens;

	private final AuditLog audit;

	RemovalRequestedMailJob(AccountMailer mailer, PendingRemovals removals, RemovalCancelTokens tokens,
			AuditLog audit) {
		this.mailer = mailer;
		this.removals = removals;
		this.tokens = tokens;
		this.audit = audit;
	}

	@Override
	public String kind() {
		return RemovalNoticeStep.REQUESTED_MAIL;
	}

	@Override
	public void handle(OutboxMessage message, int attempt) {
		Account account = mailer.accountOf(message).orElse(null);
		Instant requestedAt = Instant.parse(message.fields().get("at"));
		PendingRemoval removal = account == null ? null : removals.of(account.id()).orElse(null);
		if (removal == null || !removal.requestedAt().equals(requestedAt)) {
			// Cancelled or carried out since, or replaced by a newer request: its own
			// mail says so.
			return;
		}
		RemovalCancelTokens.Issued issued = tokens.issue(account.id(), requestedAt, removal.effectiveAt());
		if (!removals.setCancelToken(account.id(), requestedAt, issued.tokenHash())) {
			return;
		}
		mailer.send(account, RemovalNoticeStep.REQUESTED_MAIL, Map.of("requestedAt", requestedAt, "effectiveAt",
				removal.effectiveAt(), "cancelLink", mailer.link(account, CANCEL_PATH, "token", issued.token())));
	}

	@Override
	public void gaveUp(OutboxMessage message, int attempts) {
		UUID accountId = UUID.fromString(message.fields().get("accountId"));
		// Never remove a factor without telling its holder.
		if (removals.cancel(accountId)) {
			audit.record(AuditEntry
				.forAccount(AuditEventType.SECOND_FACTOR_REMOVAL_CANCELLED, Outcome.SUCCESS, "mail_failed", accountId,
						new RequestOrigin(null, null, null))
				.byActor(AuditEntry.SYSTEM)
				.with("via", "mail_failed")
				.with("attempts", attempts));
		}
	}

}
