package org.accountsecurity.secondfactor;

import java.util.ArrayList;
import java.util.List;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.ForgotPasswordTimer;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.Timings;
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
		for (int i = 0; i < SAMPLES / REQUESTS_PER_ACCOUNT + ForgotPasswordTimer.WARM_UP_ACCOUNTS; i++) {
			Account account = TestAccounts.create(accountService, Language.EN);
			assertThat(credentials.enrol(account.id(), TotpCodes.newSecret(), clock.instant())).isTrue();
			recoveryCodes.replace(account.id(), clock.instant());
			accounts.add(account);
		}
		Timings timings = ForgotPasswordTimer.knownVersusUnknown(port, accounts.stream().map(Account::email).toList(),
				REQUESTS_PER_ACCOUNT, 11);

		for (Account account : accounts) {
			mailbox.await(account.email(), REQUESTS_PER_ACCOUNT);
		}
		System.out.println("Forgot password, accounts with TOTP vs unknown addresses: " + timings);
		timings.assertIndistinguishable();
	}

}
