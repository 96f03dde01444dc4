package org.accountsecurity.lockdown;

import java.time.Instant;
import java.util.Map;

import org.accountsecurity.account.AccountMailer;
import org.accountsecurity.mail.OutboxHandler;
import org.accountsecurity.mail.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Mails "Your account is locked" with the way back: the forgot-password page. */
@Component
class LockedDownMailJob implements OutboxHandler {

	private static final Logger log = LoggerFactory.getLogger(LockedDownMailJob.class);

	private final AccountMailer mailer;

	LockedDownMailJob(AccountMailer mailer) {
		this.mailer = mailer;
	}

	@Override
	public String kind() {
		return LockedDownNoticeStep.MAIL;
	}

	@Override
	public void handle(OutboxMessage message, int attempt) {
		mailer.accountOf(message)
			.ifPresent(account -> mailer.send(account, "locked-down",
					Map.of("lockedAt", Instant.parse(message.fields().get("lockedAt")), "forgotLink",
							mailer.link(account, "/password/forgot"))));
	}

	@Override
	public void gaveUp(OutboxMessage message, int attempts) {
		log.warn("Gave up mailing a locked-down notice after {} attempts", attempts);
	}

}
