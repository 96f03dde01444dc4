package org.accountsecurity.mail;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The one way to mail: composes a template in the recipient's language and sends it.
 * Called by the outbox handlers, so that no request waits for SMTP.
 */
@Component
public class Mailer {

	private final MailComposer composer;

	private final MailSender sender;

	Mailer(MailComposer composer, MailSender sender) {
		this.composer = composer;
		this.sender = sender;
	}

	/**
	 * Sends {@code template} ({@link MailComposer#compose}) to {@code to}; throws like
	 * {@link MailSender#send}, and the outbox then retries.
	 */
	public void send(Recipient to, String template, Map<String, Object> model) {
		sender.send(to.address(), to.name(), composer.compose(template, to.locale(), model));
	}

}
