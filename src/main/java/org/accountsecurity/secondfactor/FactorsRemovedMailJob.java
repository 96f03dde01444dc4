package org.accountsecurity.secondfactor;

import java.time.Instant;
import java.util.Map;

import org.accountsecurity.account.AccountMailer;
import org.accountsecurity.mail.OutboxHandler;
import org.accountsecurity.mail.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Mails the holder that the second factors were removed at an operator's request, and
 * that signing in now needs the password only until a new factor is set up.
 */
@Component
class FactorsRemovedMailJob implements OutboxHandler {

	private static final Logger log = LoggerFactory.getLogger(FactorsRemovedMailJob.class);

	private final AccountMailer mailer;

	FactorsRemovedMailJob(AccountMailer mailer) {
		this.mailer = mailer;
	}

	@Override
	public String kind() {
		return RemovalNoticeStep.REMOVED_MAIL;
	}

	@Override
	public void handle(OutboxMessage message, int attempt) {
		mailer.accountOf(message)
			.ifPresent(account -> mailer.send(account, RemovalNoticeStep.REMOVED_MAIL,
					Map.of("removedAt", Instant.parse(message.fields().get("at")), "securityLink",
							mailer.link(account, "/account/security/totp"), "forgotLink",
							mailer.link(account, "/password/forgot"))));
	}

	@Override
	public void gaveUp(OutboxMessage message, int attempts) {
		log.warn("Gave up mailing a second-factor-removed notice after {} attempts", attempts);
	}

}
