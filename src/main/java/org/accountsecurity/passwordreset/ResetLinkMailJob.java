package org.accountsecurity.passwordreset;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.mail.MailComposer;
import org.accountsecurity.mail.MailSender;
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

	static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Accounts accounts;

	private final ResetTokens tokens;

	private final ResetLinks links;

	private final MailComposer composer;

	private final MailSender sender;

	private final AuditLog audit;

	private final ResetProperties properties;

	ResetLinkMailJob(Accounts accounts, ResetTokens tokens, ResetLinks links, MailComposer composer, MailSender sender,
			AuditLog audit, ResetProperties properties) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.links = links;
		this.composer = composer;
		this.sender = sender;
		this.audit = audit;
		this.properties = properties;
	}

	@Override
	public String kind() {
		return PasswordResetService.RESET_LINK;
	}

	@Override
	public void handle(OutboxMessage message, int attempt) {
		Optional<Account> found = accounts.findById(UUID.fromString(message.fields().get("accountId")));
		if (found.isEmpty()) {
			return;
		}
		Account account = found.get();
		IssuedToken issued = tokens.issue(account.id(), account.credentialVersion());
		Map<String, Object> model = new HashMap<>();
		model.put("displayName", account.displayName());
		model.put("link", links.reset(issued.token(), account.language()));
		model.put("cancelLink", links.cancel(issued.cancelToken(), account.language()));
		model.put("expiresAt", MAIL_TIME.format(issued.expiresAt()));
		model.put("ttlMinutes", properties.tokenTtl().toMinutes());
		model.put("clientAddress", blankToNull(message.fields().get("client")));
		model.put("requestedAt", MAIL_TIME.format(Instant.parse(message.fields().get("requestedAt"))));
		sender.send(account.email(), account.displayName(), composer.compose("reset-link", account.locale(), model));
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
		return new RequestOrigin(null, null, blankToNull(message.fields().get("requestId")));
	}

	private static String blankToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

}
