package org.accountsecurity.secondfactor;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.PostgresIntegrationTest;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.TestClock;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The removal's SQL on a real PostgreSQL (V9, same as H2): parallel requests record one
 * removal ({@code on conflict do nothing}, no aborted transaction), and parallel jobs
 * remove and audit once (the conditional DELETE under PostgreSQL's row locks).
 */
class SecondFactorRemovalPostgresIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	AccountService accountService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Mailbox mailbox;

	@Autowired
	RemovalJob job;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void parallelRequestsRecordOneRemovalAndParallelJobsRemoveOnce() {
		Account account = TestAccounts.create(accountService, Language.EN);
		new TotpTestSteps(clock).enrol(new WebClient(port), account);
		RemovalTestSteps api = new RemovalTestSteps(port);

		List<HttpResponse<String>> asked = Race.run(6, i -> api.requestRemoval(account.id()));
		assertThat(asked).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(202));
		assertThat(asked).filteredOn(a -> a.body().contains("\"created\":true")).hasSize(1);
		RemovalTestSteps.mails(mailbox, account, RemovalTestSteps.REQUESTED_SUBJECT, 1);

		clock.advance(Duration.ofHours(73));
		List<Integer> removed = Race.run(6, i -> job.removeDue());
		assertThat(removed.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(1);
		assertThat(count("select count(*) from totp_credential where account_id = ?", account)).isZero();
		assertThat(count("select count(*) from recovery_code where account_id = ?", account)).isZero();
		assertThat(count("select count(*) from audit_event where account_id = ? and type = 'SECOND_FACTOR_REMOVED'",
				account))
			.isEqualTo(1);
		assertThat(RemovalTestSteps.mails(mailbox, account, RemovalTestSteps.REMOVED_SUBJECT, 1)).hasSize(1);
	}

	private long count(String sql, Account account) {
		return jdbc.sql(sql).param(account.id()).query(Long.class).single();
	}

}
