package org.accountsecurity.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.accountsecurity.account.Account.Role;
import org.accountsecurity.password.PasswordHasher;
import org.accountsecurity.password.PasswordProperties;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The account store on a test's own database, and fresh accounts in it, for tests that
 * build the services without Spring.
 */
public final class TestAccountStore {

	private TestAccountStore() {
	}

	public static Accounts on(JdbcClient jdbc, PasswordProperties passwords) {
		return new Accounts(jdbc, passwords);
	}

	/** A user with its own address and {@code password}, created {@code now}. */
	public static Account insertUser(Accounts accounts, PasswordHasher hasher, String password, Instant now) {
		String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		Account account = new Account(UUID.randomUUID(), email, "Robin Quill", Language.EN, hasher.hash(password),
				Set.of(Role.USER), 1, now, now, now);
		accounts.insert(account);
		return account;
	}

}
