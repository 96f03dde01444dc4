package org.accountsecurity.secondfactor;

import java.util.List;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestClock;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the second-factor integration tests: the service, its clock (moved one TOTP
 * step per fresh code and put back after each test) and the audit trail of an account.
 */
abstract class SecondFactorIntegrationTest extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	List<String> auditTypes(Account account) {
		return jdbc.sql("select type from audit_event where account_id = ? order by id")
			.param(account.id())
			.query(String.class)
			.list();
	}

	List<String> auditReasons(Account account, String type) {
		return jdbc.sql("select reason from audit_event where account_id = ? and type = ? order by id")
			.params(account.id(), type)
			.query(String.class)
			.list();
	}

}
