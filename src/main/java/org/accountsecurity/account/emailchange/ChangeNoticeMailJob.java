package org.accountsecurity.account.emailchange;

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
 * Tells the address stored at request time that a change to another (masked) address was
 * asked for, and what to do if it was not the holder: reset the password, which also
 * cancels the pending change.
 */
@Component
class ChangeNoticeMailJob implements OutboxHandler {

	private static final Logger log = LoggerFactory.getLogger(ChangeNoticeMailJob.class);

	private final AccountMailer mailer;

	ChangeNoticeMailJob(AccountMailer mailer) {
		this.mailer = mailer;
	}

	@Override
	public String kind() {
		return EmailChangeService.NOTICE_MAIL;
	}

	@Override
	public void handle(OutboxMessage message, int attempt) {
		Map<String, String> fields = message.fields();
		mailer.accountOf(message).ifPresent(account -> {
			Map<String, Object> model = new HashMap<>();
			model.put("newAddress", fields.get("newAddress"));
			model.put("requestedAt", Instant.parse(fields.get("requestedAt")));
			model.put("clientAddress", message.optionalField("client"));
			model.put("ttlMinutes", EmailChangeService.LINK_TTL.toMinutes());
			model.put("forgotLink", mailer.link(account, "/password/forgot"));
			// To the address of the request's time, even if the change was confirmed
			// before this mail went out.
			mailer.send(account, fields.get("to"), "email-change-notice", model);
		});
	}

	@Override
	public void gaveUp(OutboxMessage message, int attempts) {
		log.warn("Gave up mailing an e-mail change notice after {} attempts", attempts);
	}

}
