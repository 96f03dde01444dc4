package org.accountsecurity.passwordreset;

import java.net.http.HttpResponse;
import java.util.Map;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.account.SignInProperties;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking for reset links, even more often than the per-account limit allows, changes
 * nothing on the account (docs/security.md FP-04): no lockout, the password and the
 * sessions stay, and the failed-sign-in count is not touched.
 */
class ResetRequestsChangeNothingIntegrationTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	SignInProperties signIn;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Mailbox mailbox;

	@Test
	void fiveResetRequestsLeaveThePasswordSessionsAndSignInCountAsTheyWere() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient signedIn = new WebClient(port);
		assertThat(location(signedIn.signIn(account.email(), TestAccounts.PASSWORD))).endsWith("/account");
		Map<String, Object> before = row(account);

		for (int i = 0; i < 5; i++) {
			WebClient anyone = new WebClient(port);
			anyone.get("/password/forgot");
			assertThat(anyone.post("/password/forgot", Map.of("email", account.email())).statusCode()).isEqualTo(200);
		}
		mailbox.await(account.email(), 3);

		assertThat(row(account)).isEqualTo(before);
		assertThat(signedIn.get("/account").statusCode()).isEqualTo(200);
		// Had any request counted as a failed sign-in, the last of these attempts would
		// be throttled.
		for (int i = 1; i < signIn.perAccountLimit().requests(); i++) {
			assertThat(location(new WebClient(port).signIn(account.email(), "a wrong password, number " + i)))
				.endsWith("/login?error");
		}
		assertThat(location(new WebClient(port).signIn(account.email(), TestAccounts.PASSWORD))).endsWith("/account");
	}

	private Map<String, Object> row(Account account) {
		return jdbc
			.sql("select password_hash, credential_version, updated_at, password_changed_at, roles "
					+ "from account where id = ?")
			.param(account.id())
			.query()
			.singleRow();
	}

	private static String location(HttpResponse<String> answer) {
		return answer.headers().firstValue("Location").orElse("");
	}

}
