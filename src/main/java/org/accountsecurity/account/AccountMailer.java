package org.accountsecurity.account;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.mail.Mailer;
import org.accountsecurity.mail.OutboxMessage;
import org.accountsecurity.mail.Recipient;
import org.accountsecurity.system.PublicBaseUrl;

import org.springframework.stereotype.Component;

/**
 * Mails an account in its language, addressed and greeted by its display name (the
 * model's {@code displayName}), with links that speak its language too: the one way the
 * outbox handlers of the features mail an account.
 */
@Component
public class AccountMailer {

	private final Accounts accounts;

	private final Mailer mailer;

	private final PublicBaseUrl base;

	AccountMailer(Accounts accounts, Mailer mailer, PublicBaseUrl base) {
		this.accounts = accounts;
		this.mailer = mailer;
		this.base = base;
	}

	/**
	 * The account a queued message is for (its {@code accountId} field); empty when it
	 * was deleted since, and then there is nothing to send.
	 */
	public Optional<Account> accountOf(OutboxMessage message) {
		return accounts.findById(UUID.fromString(message.fields().get("accountId")));
	}

	/**
	 * A link to {@code path} of this service ({@link PublicBaseUrl#link}). The account's
	 * language rides along, so that the page behind it speaks it without a sign-in.
	 */
	public String link(Account account, String path, String... namesAndValues) {
		String[] withLanguage = Arrays.copyOf(namesAndValues, namesAndValues.length + 2);
		withLanguage[withLanguage.length - 2] = "lang";
		withLanguage[withLanguage.length - 1] = account.language().code();
		return base.link(path, withLanguage);
	}

	/** Sends {@code template} to the account's address. */
	public void send(Account account, String template, Map<String, Object> model) {
		send(account, account.email(), template, model);
	}

	/**
	 * Sends {@code template} to another address of the account's (one it changes to or
	 * from).
	 */
	public void send(Account account, String address, String template, Map<String, Object> model) {
		Map<String, Object> greeted = new HashMap<>(model);
		greeted.put("displayName", account.displayName());
		mailer.send(new Recipient(address, account.displayName(), account.locale()), template, greeted);
	}

}
