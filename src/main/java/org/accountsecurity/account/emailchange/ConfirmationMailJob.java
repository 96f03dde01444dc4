package org.accountsecurity.account.emailchange;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.mail.MailComposer;
import org.accountsecurity.mail.MailSender;
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

	static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final Logger log = LoggerFactory.getLogger(ConfirmationMailJob.class);

	private final Accounts accounts;

	private final PendingEmailChanges pending;

	private final EmailChangeLinks links;

	private final MailComposer composer;

	private final MailSender sender;

	private final Clock clock;

	ConfirmationMailJob(Accounts accounts, PendingEmailChanges pending, EmailChangeLinks links, MailComposer composer,
			MailSender sender, Clock clock) {
		this.accounts = accounts;
		this.pending = pending;
		this.links = links;
		this.composer = composer;
		this.sender = sender;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return EmailChangeService.CONFIRM_MAIL;
	}

	@Override
	public void handle(OutboxMessage message, int attempt) {
		Optional<Account> found = accounts.findById(UUID.fromString(message.fields().get("accountId")));
		if (found.isEmpty()) {
			return;
		}
		Account account = found.get();
		Instant expiresAt = clock.instant().plus(EmailChangeService.LINK_TTL);
		String token = EmailChangeToken.generate(account.id(), expiresAt);
		Optional<String> newAddress = pending.issue(account.id(), message.fields().get("request"),
				EmailChangeToken.hash(token), EmailChangeService.LINK_TTL);
		if (newAddress.isEmpty()) {
			log.info("E-mail change of account {} was replaced or lapsed before its link was sent", account.id());
			return;
		}
		Map<String, Object> model = Map.of("displayName", account.displayName(), "link",
				links.confirm(token, account.language()), "expiresAt", MAIL_TIME.format(expiresAt), "ttlMinutes",
				EmailChangeService.LINK_TTL.toMinutes());
		sender.send(newAddress.get(), account.displayName(),
				composer.compose("email-change-confirm", account.locale(), model));
	}

	@Override
	public void gaveUp(OutboxMessage message, int attempts) {
		log.warn("Gave up mailing an e-mail change confirmation after {} attempts", attempts);
	}

}
