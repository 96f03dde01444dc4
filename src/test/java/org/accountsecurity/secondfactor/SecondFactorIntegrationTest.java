package org.accountsecurity.secondfactor;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestClock;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

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

	/** The account as an operator reads it from the API. */
	String accountJson(Account account) {
		WebClient client = new WebClient(port);
		String basic = Base64.getEncoder()
			.encodeToString("operator@example.com:audit trail keeper 2026".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> answer = client
			.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/accounts/" + account.id()))
				.header("Authorization", "Basic " + basic)
				.header("Accept", "application/json")
				.GET()
				.build());
		assertThat(answer.statusCode()).isEqualTo(200);
		return answer.body();
	}

}
