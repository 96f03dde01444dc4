package org.accountsecurity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.Language;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.PostgresIntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL stores on a real PostgreSQL with the same Flyway migrations as H2, and the
 * whole reset flow on top of them.
 */
class PostgresIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountService accountService;

	@Autowired
	AuditLog audit;

	@Autowired
	Mailbox mailbox;

	@Test
	void theWholeResetFlowWorksOnPostgresql() {
		Account account = TestAccounts.create(accountService, Language.PL);
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		assertThat(browser.post("/password/forgot", Map.of("email", account.email())).statusCode()).isEqualTo(200);
		String link = Mailbox.link(mailbox.await(account.email(), 1).get(0), "/password/reset?token=");
		browser.get(link.substring(baseUrl.length()));
		browser.get("/password/reset/new");
		String password = "nowe hasło na postgresie";
		assertThat(browser.post("/password/reset/new", Map.of("password", password, "confirmPassword", password))
			.statusCode()).isEqualTo(303);
		assertThat(new WebClient(port).signIn(account.email(), password).headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/account"));
		assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type = 'PASSWORD_CHANGED'")
			.param(account.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void migrationsRanOnPostgresql() {
		assertThat(jdbc.sql("select current_schema()").query(String.class).single()).isEqualTo(SCHEMA);
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where version is not null and success")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void accountsAreFoundByTheirNormalisedAddressOnly() {
		Account account = TestAccounts.create(accountService, Language.DE);
		assertThat(accounts.findByEmail(account.email().toUpperCase())).map(Account::id).hasValue(account.id());
		assertThat(accounts.findByEmail(account.email().replace("user", "usér"))).isEmpty();
	}

	@Test
	void passwordChangesKeepHistoryAndBumpTheVersion() {
		Account account = TestAccounts.create(accountService, Language.EN);
		long version = accounts.changePassword(account.id(),
				"{bcrypt}$2a$10$xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", Instant.now());
		assertThat(version).isEqualTo(account.credentialVersion() + 1);
		assertThat(accounts.recentPasswordHashes(account.id(), 2)).hasSize(2)
			.first()
			.asString()
			.startsWith("{bcrypt}$2a$10$xxxx");
	}

	@Test
	void auditEventsChainOnPostgresql() {
		long first = audit.record(AuditEntry.forAccount(AuditEventType.SIGN_IN_FAILED, Outcome.FAILURE, "x",
				UUID.randomUUID(), new RequestOrigin("198.51.100.7", "JUnit", null)));
		long second = audit.record(AuditEntry.forAccount(AuditEventType.SIGN_IN_SUCCEEDED, Outcome.SUCCESS, null,
				UUID.randomUUID(), RequestOrigin.SYSTEM));
		Map<String, Object> a = jdbc.sql("select hash, client_address from audit_event where id = ?")
			.param(first)
			.query()
			.singleRow();
		Map<String, Object> b = jdbc.sql("select prev_hash from audit_event where id = ?")
			.param(second)
			.query()
			.singleRow();
		assertThat(b.get("prev_hash")).isEqualTo(a.get("hash"));
		assertThat(a.get("client_address")).isEqualTo("198.51.100.0/24");
	}

}
