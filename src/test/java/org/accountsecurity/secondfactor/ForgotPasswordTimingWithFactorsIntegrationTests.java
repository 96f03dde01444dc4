package org.accountsecurity.secondfactor;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.Timings;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/security.md FP-02 again, for accounts WITH a second factor (TOTP and recovery
 * codes): the forgot-password answer takes as long for them as for unknown addresses.
 * Measured as {@code ForgotPasswordTimingIntegrationTests} does: interleaved requests in
 * a shuffled order after a warm-up, medians and a rank test, generous bounds.
 */
class ForgotPasswordTimingWithFactorsIntegrationTests extends SecondFactorIntegrationTest {

	static final int SAMPLES = 150;

	// Within the per-account limit: every measured request of an account sends a mail.
	static final int REQUESTS_PER_ACCOUNT = 3;

	@Autowired
	Mailbox mailbox;

	@Autowired
	TotpCredentials credentials;

	@Autowired
	RecoveryCodes recoveryCodes;

	@Test
	void accountsWithASecondFactorAndUnknownAddressesAreAnsweredInTheSameTime() {
		List<Account> accounts = new ArrayList<>();
		for (int i = 0; i < SAMPLES / REQUESTS_PER_ACCOUNT; i++) {
			Account account = TestAccounts.create(accountService, Language.EN);
			assertThat(credentials.enrol(account.id(), TotpCodes.newSecret(), clock.instant())).isTrue();
			recoveryCodes.replace(account.id(), clock.instant());
			accounts.add(account);
		}
		List<String> schedule = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			schedule.add(accounts.get(i / REQUESTS_PER_ACCOUNT).email());
			schedule.add(unknownAddress());
		}
		Collections.shuffle(schedule, new Random(11));
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		for (int i = 0; i < 40; i++) {
			time(browser, unknownAddress());
		}

		List<Double> withFactor = new ArrayList<>();
		List<Double> unknown = new ArrayList<>();
		for (String email : schedule) {
			(email.startsWith("nobody-") ? unknown : withFactor).add(time(browser, email));
		}

		for (Account account : accounts) {
			mailbox.await(account.email(), REQUESTS_PER_ACCOUNT);
		}
		Timings timings = new Timings(withFactor, unknown);
		System.out.println("Forgot password, accounts with TOTP vs unknown addresses: " + timings);
		timings.assertIndistinguishable();
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
