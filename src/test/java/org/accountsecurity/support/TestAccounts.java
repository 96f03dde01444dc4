package org.accountsecurity.support;

import java.util.Set;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Account.Role;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.account.NewAccount;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.requester.RequestOrigin;

/**
 * Fresh accounts for tests, each with its own address, so that per-account limits never
 * interfere.
 */
public final class TestAccounts {

	public static final String PASSWORD = "silver lining over a quiet harbour";

	private TestAccounts() {
	}

	public static Account create(AccountService service, Language language) {
		return create(service, language, Role.USER);
	}

	/** A fresh operator, so that per-operator limits never interfere either. */
	public static Account operator(AccountService service) {
		return create(service, Language.EN, Role.USER, Role.OPERATOR);
	}

	private static Account create(AccountService service, Language language, Role... roles) {
		String email = roles[roles.length - 1].name().toLowerCase(java.util.Locale.ROOT) + "-"
				+ UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		return service.create(new NewAccount(email, "Robin Quill", language, PASSWORD, Set.of(roles)),
				AuditEntry.SYSTEM, RequestOrigin.SYSTEM);
	}

}
