package org.accountsecurity.account.emailchange;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.account.Accounts;
import org.accountsecurity.mail.MailComposer;
import org.accountsecurity.mail.MailSender;
import org.accountsecurity.mail.OutboxHandler;
import org.accountsecurity.mail.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Tells the address stored at request time that a change to another (masked) address was
 * asked for, and what to do if it was not the holder: reset the password, which also
 * cancels the pending change.
 */
@Component
class ChangeNoticeMailJob implements OutboxHandler {

	private static final Logger log = LoggerFactory.getLogger(ChangeNoticeMailJob.class);

	private final Accounts accounts;

	private final EmailChangeLinks links;

	private final MailComposer composer;

	private final MailSender sender;

	ChangeNoticeMailJob(Accounts accounts, EmailChangeLinks links, MailComposer composer, MailSender sender) {
		this.accounts = accounts;
		this.links = links;
		this.composer = composer;
		this.sender = sender;
	}

	@Override
	public String kind() {
		return EmailChangeService.NOTICE_MAIL;
	}

	@Override
	public void handle(OutboxMessage message, int attempt) {
		Map<String, String> fields = message.fields();
		accounts.findById(UUID.fromString(fields.get("accountId"))).ifPresent(account -> {
			Map<String, Object> model = new HashMap<>();
			model.put("displayName", account.displayName());
			model.put("newAddress", fields.get("newAddress"));
			model.put("requestedAt", ConfirmationMailJob.MAIL_TIME.format(Instant.parse(fields.get("requestedAt"))));
			model.put("clientAddress", emptyToNull(fields.get("client")));
			model.put("ttlMinutes", EmailChangeService.LINK_TTL.toMinutes());
			model.put("forgotLink", links.forgot(account.language()));
			// To the address of the request's time, even if the change was confirmed
			// before this mail went out.
			sender.send(fields.get("to"), account.displayName(),
					composer.compose("email-change-notice", account.locale(), model));
		});
	}

	@Override
	public void gaveUp(OutboxMessage message, int attempts) {
		log.warn("Gave up mailing an e-mail change notice after {} attempts", attempts);
	}

	private static String emptyToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

}
