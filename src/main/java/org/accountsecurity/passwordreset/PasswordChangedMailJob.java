package org.accountsecurity.passwordreset;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.SecondFactorStatus;
import org.accountsecurity.mail.MailComposer;
import org.accountsecurity.mail.MailSender;
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

	private final Accounts accounts;

	private final ResetLinks links;

	private final MailComposer composer;

	private final MailSender sender;

	private final SecondFactorStatus secondFactors;

	PasswordChangedMailJob(Accounts accounts, ResetLinks links, MailComposer composer, MailSender sender,
			SecondFactorStatus secondFactors) {
		this.accounts = accounts;
		this.links = links;
		this.composer = composer;
		this.sender = sender;
		this.secondFactors = secondFactors;
	}

	@Override
	public String kind() {
		return PasswordChangeService.PASSWORD_CHANGED;
	}

	@Override
	public void handle(OutboxMessage message, int attempt) {
		accounts.findById(UUID.fromString(message.fields().get("accountId"))).ifPresent(account -> {
			Map<String, Object> model = new HashMap<>();
			model.put("displayName", account.displayName());
			model.put("changedAt", ResetLinkMailJob.MAIL_TIME.format(Instant.parse(message.fields().get("changedAt"))));
			model.put("clientAddress", emptyToNull(message.fields().get("client")));
			model.put("userAgent", emptyToNull(message.fields().get("userAgent")));
			model.put("forgotLink", links.forgot(account.language()));
			model.put("signInLink", links.signIn(account.language()));
			// A reset changes the password only: say so, so nobody fears the factor is
			// gone.
			model.put("secondFactorKept", secondFactors.of(account.id()).any());
			sender.send(account.email(), account.displayName(),
					composer.compose("password-changed", account.locale(), model));
		});
	}

	@Override
	public void gaveUp(OutboxMessage message, int attempts) {
		log.warn("Gave up mailing a password-changed notice after {} attempts", attempts);
	}

	private static String emptyToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

}
