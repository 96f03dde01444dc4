package org.accountsecurity.account;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.Timings;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong password for an existing account and any password for an unknown address take
 * the same time (docs/security.md FP-02, CVE-2012-5055): both run BCrypt once. Randomly
 * interleaved after a warm-up and compared with generous bounds, as in
 * {@code ForgotPasswordTimingIntegrationTests}. Over-long passwords get the same answer
 * for both (PW-04, CVE-2025-22234).
 */
class SignInTimingIntegrationTests extends IntegrationTest {

	static final int SAMPLES = 80;

	// Well below the per-address limit of failed sign-ins, so no attempt is throttled.
	static final int ATTEMPTS_PER_ACCOUNT = 4;

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Test
	void aWrongPasswordAndAnUnknownAddressAreAnsweredInTheSameTime() {
		List<Account> accounts = new ArrayList<>();
		for (int i = 0; i < SAMPLES / ATTEMPTS_PER_ACCOUNT; i++) {
			accounts.add(TestAccounts.create(accountService, Language.EN));
		}
		List<String> schedule = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			schedule.add(accounts.get(i / ATTEMPTS_PER_ACCOUNT).email());
			schedule.add(unknownAddress());
		}
		Collections.shuffle(schedule, new Random(11));
		WebClient browser = new WebClient(port);
		browser.get("/login");
		for (int i = 0; i < 15; i++) {
			time(browser, unknownAddress());
		}

		List<Double> wrongPassword = new ArrayList<>();
		List<Double> unknown = new ArrayList<>();
		for (String email : schedule) {
			(email.startsWith("nobody-") ? unknown : wrongPassword).add(time(browser, email));
		}

		new Timings(wrongPassword, unknown).assertIndistinguishable();
	}

	@Test
	void overLongPasswordsGetTheSameAnswerForExistingAndUnknownAddresses() {
		Account account = TestAccounts.create(accountService, Language.EN);
		for (String password : new String[] { "a".repeat(73), "€".repeat(25), "x".repeat(10_000) }) {
			HttpResponse<String> existing = new WebClient(port).signIn(account.email(), password);
			HttpResponse<String> unknown = new WebClient(port).signIn(unknownAddress(), password);
			assertThat(existing.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(302);
			assertThat(existing.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
			assertThat(existing.body()).isEqualTo(unknown.body());
		}
	}

	private static double time(WebClient browser, String email) {
		long start = System.nanoTime();
		HttpResponse<String> answer = browser.post("/login",
				Map.of("username", email, "password", "not the password " + TestAccounts.PASSWORD));
		double millis = (System.nanoTime() - start) / 1e6;
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		return millis;
	}

	private static String unknownAddress() {
		return "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
	}

}
