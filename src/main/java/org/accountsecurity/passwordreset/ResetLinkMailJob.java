package org.accountsecurity.passwordreset;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountMailer;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.mail.OutboxHandler;
import org.accountsecurity.mail.OutboxMessage;
import org.accountsecurity.passwordreset.ResetTokens.IssuedToken;

import org.springframework.stereotype.Component;

/**
 * Sends a reset link from the outbox. The token is made here, at send time, so it exists
 * only in the e-mail: no queue or store ever holds it. A retry makes a new one, which
 * revokes the undelivered one.
 */
@Component
class ResetLinkMailJob implements OutboxHandler {

	private final AccountMailer mailer;

	private final ResetTokens tokens;

	private final AuditLog audit;

	private final ResetProperties properties;

	ResetLinkMailJob(AccountMailer mailer, ResetTokens tokens, AuditLog audit, ResetProperties properties) {
		this.mailer = mailer;
		this.tokens = tokens;
		this.audit = audit;
		this.properties = properties;
	}

	@Override
	public String kind() {
		return ResetJobs.RESET_LINK;
	}

	@Override
	public void handle(OutboxMessage message, int attempt) {
		Optional<Account> found = mailer.accountOf(message);
		if (found.isEmpty()) {
			return;
		}
		Account account = found.get();
		IssuedToken issued = tokens.issue(account.id(), account.credentialVersion());
		Map<String, Object> model = new HashMap<>();
		model.put("link", mailer.link(account, "/password/reset", "token", issued.token()));
		model.put("cancelLink", mailer.link(account, "/password/reset/cancel", "token", issued.cancelToken()));
		model.put("expiresAt", issued.expiresAt());
		model.put("ttlMinutes", properties.tokenTtl().toMinutes());
		model.put("clientAddress", message.optionalField("client"));
		model.put("requestedAt", Instant.parse(message.fields().get("requestedAt")));
		mailer.send(account, "reset-link", model);
		audit.record(AuditEntry
			.forAccount(AuditEventType.RESET_EMAIL_SENT, Outcome.SUCCESS, null, account.id(), origin(message))
			.with("trigger", message.fields().get("trigger"))
			.with("expiresAt", issued.expiresAt())
			.with("attempt", attempt));
	}

	@Override
	public void gaveUp(OutboxMessage message, int attempts) {
		UUID accountId = UUID.fromString(message.fields().get("accountId"));
		tokens.revokeAll(accountId);
		audit.record(AuditEntry
			.forAccount(AuditEventType.RESET_EMAIL_FAILED, Outcome.FAILURE, null, accountId, origin(message))
			.with("trigger", message.fields().get("trigger"))
			.with("attempts", attempts));
	}

	// The worker acts for the original request: keep its id so the two can be joined in
	// the trail.
	private static RequestOrigin origin(OutboxMessage message) {
		return new RequestOrigin(null, null, message.optionalField("requestId"));
	}

}
