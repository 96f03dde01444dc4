package org.accountsecurity.passwordreset;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.accountsecurity.account.AccountMailer;
import org.accountsecurity.account.SecondFactorStatus;
import org.accountsecurity.mail.OutboxHandler;
import org.accountsecurity.mail.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Mails the "your password was changed" notice, in the account's language, with what to
 * do if it was not them.
 */
@Component
class PasswordChangedMailJob implements OutboxHandler {

	private static final Logger log = LoggerFactory.getLogger(PasswordChangedMailJob.class);

	private final AccountMailer mailer;

	private final SecondFactorStatus secondFactors;

	PasswordChangedMailJob(AccountMailer mailer, SecondFactorStatus secondFactors) {
		this.mailer = mailer;
		this.secondFactors = secondFactors;
	}

	@Override
	public String kind() {
		return PasswordChangeService.PASSWORD_CHANGED;
	}

	@Override
	public void handle(OutboxMessage message, int attempt) {
		mailer.accountOf(message).ifPresent(account -> {
			Map<String, Object> model = new HashMap<>();
			model.put("changedAt", Instant.parse(message.fields().get("changedAt")));
			model.put("clientAddress", message.optionalField("client"));
			model.put("userAgent", message.optionalField("userAgent"));
			model.put("forgotLink", mailer.link(account, "/password/forgot"));
			model.put("signInLink", mailer.link(account, "/login"));
			// A reset changes the password only: say so, so nobody fears the factor is
			// gone.
			model.put("secondFactorKept", secondFactors.of(account.id()).any());
			mailer.send(account, "password-changed", model);
		});
	}

	@Override
	public void gaveUp(OutboxMessage message, int attempts) {
		log.warn("Gave up mailing a password-changed notice after {} attempts", attempts);
	}

}
