package org.accountsecurity.support;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.passwordreset.PasswordResetService;
import org.accountsecurity.requester.RequestOrigin;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The wait that every "no mail came" check relies on. */
class OutboxIntegrationTests extends IntegrationTest {

	@Autowired
	AccountService accounts;

	@Autowired
	PasswordResetService resets;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Outbox outbox;

	@Test
	void awaitDrainedReturnsOnlyOnceEveryQueuedMailHasArrived() {
		Account account = TestAccounts.create(accounts, Language.EN);
		resets.requestForgotten(account.email(), new RequestOrigin("192.0.2.1", "OutboxIntegrationTests", null));
		resets.requestForAccount(account.id(), new RequestOrigin("192.0.2.1", "OutboxIntegrationTests", null));

		outbox.awaitDrained();

		assertThat(outbox.depth()).isZero();
		assertThat(mailbox.to(account.email())).hasSize(2);
	}

}
