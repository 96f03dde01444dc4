package org.accountsecurity.passwordreset;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.Timings;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forgot-password answer takes as long for an address with an account as for one
 * without (docs/security.md FP-02): requests of both kinds, randomly interleaved after a
 * warm-up, compared by their medians and by a rank test. A property test with generous
 * bounds, not a benchmark: an early exit or a synchronous SMTP call breaks it, the noise
 * of a shared machine does not.
 */
class ForgotPasswordTimingIntegrationTests extends IntegrationTest {

	static final int SAMPLES = 150;

	// Three requests per account stay within the per-account limit, so every measured
	// request of an existing account takes the branch that sends a mail.
	static final int REQUESTS_PER_ACCOUNT = 3;

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	Mailbox mailbox;

	@Test
	void existingAndUnknownAddressesAreAnsweredInTheSameTime() {
		List<Account> accounts = new ArrayList<>();
		for (int i = 0; i < SAMPLES / REQUESTS_PER_ACCOUNT; i++) {
			accounts.add(TestAccounts.create(accountService, Language.EN));
		}
		List<String> schedule = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			schedule.add(accounts.get(i / REQUESTS_PER_ACCOUNT).email());
			schedule.add(unknownAddress());
		}
		Collections.shuffle(schedule, new Random(9));
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		for (int i = 0; i < 40; i++) {
			time(browser, unknownAddress());
		}

		List<Double> existing = new ArrayList<>();
		List<Double> unknown = new ArrayList<>();
		for (String email : schedule) {
			(email.startsWith("nobody-") ? unknown : existing).add(time(browser, email));
		}

		// The measured branch really sent the mails (and none is left in flight for the
		// next test).
		for (Account account : accounts) {
			mailbox.await(account.email(), REQUESTS_PER_ACCOUNT);
		}
		new Timings(existing, unknown).assertIndistinguishable();
	}

	private static double time(WebClient browser, String email) {
		long start = System.nanoTime();
		HttpResponse<String> answer = browser.post("/password/forgot", Map.of("email", email));
		double millis = (System.nanoTime() - start) / 1e6;
		assertThat(answer.statusCode()).isEqualTo(200);
		return millis;
	}

	private static String unknownAddress() {
		return "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
	}

}
