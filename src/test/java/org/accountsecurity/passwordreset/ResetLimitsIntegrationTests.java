package org.accountsecurity.passwordreset;

import java.net.http.HttpResponse;
import java.util.Map;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.SeparateIntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-account and per-client limits of reset requests, with small limits in a context
 * of their own.
 */
class ResetLimitsIntegrationTests extends SeparateIntegrationTest {

	@DynamicPropertySource
	static void limits(DynamicPropertyRegistry registry) {
		registry.add("app.reset.per-client-limit.requests", () -> 6);
		registry.add("app.reset.per-account-limit.requests", () -> 3);
	}

	@Autowired
	AccountService accounts;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Outbox outbox;

	@Test
	void anAccountGetsAtMostItsLimitOfMailsAndTheClientItsLimitOfAnswers() {
		Account account = TestAccounts.create(accounts, Language.EN);
		String unknown = "nobody-" + account.id() + "@example.test";
		HttpResponse<String> first = forgot(account.email());
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> again = forgot(account.email());
			assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(200);
		}
		outbox.awaitDrained(); // mails that must not come would have arrived by now
		assertThat(mailbox.await(account.email(), 3)).hasSize(3);

		// The sixth request from this client passes; the seventh is refused alike for any
		// address.
		assertThat(forgot(unknown).statusCode()).isEqualTo(200);
		HttpResponse<String> limitedKnown = forgot(account.email());
		HttpResponse<String> limitedUnknown = forgot(unknown);
		assertThat(limitedKnown.statusCode()).isEqualTo(limitedUnknown.statusCode()).isEqualTo(429);
		assertThat(limitedKnown.headers().firstValue("Retry-After")).isPresent();
		assertThat(mask(limitedKnown.body())).isEqualTo(mask(limitedUnknown.body()));
	}

	private HttpResponse<String> forgot(String email) {
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		return browser.post("/password/forgot", Map.of("email", email));
	}

	private static String mask(String body) {
		return body.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}

}
