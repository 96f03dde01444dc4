package org.accountsecurity.account;

import java.time.Duration;
import java.time.Instant;

import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** password_history keeps only the newest {@code app.password.history} hashes. */
class PasswordHistoryIntegrationTests extends IntegrationTest {

	@Autowired
	AccountService accountService;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachChangeTrimsTheHistoryToTheSetting() {
		Account account = TestAccounts.create(accountService, Language.EN);
		Instant now = Instant.now();
		for (int i = 1; i <= 4; i++) {
			accounts.changePassword(account.id(), "{bcrypt-sha256}$2b$10$change-" + i, now.plus(Duration.ofSeconds(i)));
		}

		// app.password.history is 1 here: only the hash replaced last stays.
		assertThat(jdbc.sql("select password_hash from password_history where account_id = ?")
			.param(account.id())
			.query(String.class)
			.list()).containsExactly("{bcrypt-sha256}$2b$10$change-3");
		assertThat(accounts.recentPasswordHashes(account.id(), 2)).containsExactly("{bcrypt-sha256}$2b$10$change-4",
				"{bcrypt-sha256}$2b$10$change-3");
	}

}
