package org.accountsecurity.passwordreset;

import java.util.ArrayList;
import java.util.List;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.ForgotPasswordTimer;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.Timings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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
		for (int i = 0; i < SAMPLES / REQUESTS_PER_ACCOUNT + ForgotPasswordTimer.WARM_UP_ACCOUNTS; i++) {
			accounts.add(TestAccounts.create(accountService, Language.EN));
		}
		Timings timings = ForgotPasswordTimer.knownVersusUnknown(port, accounts.stream().map(Account::email).toList(),
				REQUESTS_PER_ACCOUNT, 9);

		// The measured branch really sent the mails (and none is left in flight for the
		// next test).
		for (Account account : accounts) {
			mailbox.await(account.email(), REQUESTS_PER_ACCOUNT);
		}
		timings.assertIndistinguishable();
	}

}
