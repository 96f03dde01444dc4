package org.accountsecurity.lockdown;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.accountsecurity.account.AccountMailer;
import org.accountsecurity.mail.OutboxHandler;
import org.accountsecurity.mail.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Mails "New sign-in to your account": when, which browser and system, from which client
 * address (as stored for audit), and "This wasn't me" with a lockdown link made only now,
 * so that the queue never holds one.
 */
@Component
class NewDeviceMailJob implements OutboxHandler {

	private static final Logger log = LoggerFactory.getLogger(NewDeviceMailJob.class);

	// The outbox kind is the template's name, as for every mail.
	private static final String KIND_TEMPLATE = NewDeviceAlerts.KIND;

	private final AccountMailer mailer;

	private final LockdownTokens tokens;

	NewDeviceMailJob(AccountMailer mailer, LockdownTokens tokens) {
		this.mailer = mailer;
		this.tokens = tokens;
	}

	@Override
	public String kind() {
		return NewDeviceAlerts.KIND;
	}

	@Override
	public void handle(OutboxMessage message, int attempt) {
		mailer.accountOf(message).ifPresent(account -> {
			Map<String, Object> model = new HashMap<>();
			model.put("signedInAt", Instant.parse(message.fields().get("signedInAt")));
			model.put("clientAddress", message.optionalField("client"));
			model.put("browser", message.optionalField("browser"));
			model.put("lockdownLink", mailer.link(account, "/account/lockdown", "token", tokens.issue(account.id())));
			model.put("forgotLink", mailer.link(account, "/password/forgot"));
			mailer.send(account, KIND_TEMPLATE, model);
		});
	}

	@Override
	public void gaveUp(OutboxMessage message, int attempts) {
		log.warn("Gave up mailing a new-device alert after {} attempts", attempts);
	}

}
