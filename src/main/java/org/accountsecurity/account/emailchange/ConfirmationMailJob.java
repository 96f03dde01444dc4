package org.accountsecurity.account.emailchange;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.accountsecurity.account.AccountMailer;
import org.accountsecurity.mail.OutboxHandler;
import org.accountsecurity.mail.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Mails the confirmation link to the new address. The token is made here, at send time,
 * so it exists only in the e-mail; a retry makes a new one, which replaces the
 * undelivered one. A request that a newer one replaced, or that lapsed, sends nothing.
 */
@Component
class ConfirmationMailJob implements OutboxHandler {

	private static final Logger log = LoggerFactory.getLogger(ConfirmationMailJob.class);

	private final AccountMailer mailer;

	private final PendingEmailChanges pending;

	private final Clock clock;

	ConfirmationMailJob(AccountMailer mailer, PendingEmailChanges pending, Clock clock) {
		this.mailer = mailer;
		this.pending = pending;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return EmailChangeService.CONFIRM_MAIL;
	}

	@Override
	public void handle(OutboxMessage message, int attempt) {
		mailer.accountOf(message).ifPresent(account -> {
			Instant expiresAt = clock.instant().plus(EmailChangeService.LINK_TTL);
			String token = EmailChangeToken.generate(account.id(), expiresAt);
			Optional<String> newAddress = pending.issue(account.id(), message.fields().get("request"),
					EmailChangeToken.hash(token), EmailChangeService.LINK_TTL);
			if (newAddress.isEmpty()) {
				log.info("E-mail change of account {} was replaced or lapsed before its link was sent", account.id());
				return;
			}
			mailer.send(account, newAddress.get(), "email-change-confirm",
					Map.of("link", mailer.link(account, "/account/email/confirm", "token", token), "expiresAt",
							expiresAt, "ttlMinutes", EmailChangeService.LINK_TTL.toMinutes()));
		});
	}

	@Override
	public void gaveUp(OutboxMessage message, int attempts) {
		log.warn("Gave up mailing an e-mail change confirmation after {} attempts", attempts);
	}

}
