package org.accountsecurity.audit;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.PostgresIntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit queries, chain check, retention and erasure on a real PostgreSQL (same Flyway
 * migrations), in a schema and context of their own: runs when the machine's PostgreSQL
 * answers, skipped otherwise.
 */
class AuditPostgresIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	AuditLog audit;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	AuditRetention retention;

	@Autowired
	AccountService accountService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void queriesChainCheckRetentionAndErasureWorkOnPostgres() {
		assertThat(jdbc.sql("select current_schema()").query(String.class).single()).isEqualTo(SCHEMA);
		Account account = TestAccounts.create(accountService, Language.EN);
		RequestOrigin origin = new RequestOrigin("2001:db8:1234:5678::1", "Postgres test", "req-pg-1");
		long failed = audit.record(AuditEntry.forUnknownSubject(AuditEventType.SIGN_IN_FAILED, Outcome.FAILURE,
				"bad_credentials", account.email(), origin));
		long requested = audit
			.record(AuditEntry.forAccount(AuditEventType.RESET_REQUESTED, Outcome.SUCCESS, null, account.id(), origin)
				.with("trigger", "forgot"));

		AuditApi api = AuditApi.operator(port);
		assertThat(api.eventsOf(account.email())).extracting(e -> e.get("id").asLong())
			.startsWith(requested, failed)
			.hasSize(3);
		JsonNode filtered = api.list(Map.of("email", account.email(), "type", "RESET_REQUESTED", "from",
				"2000-01-01T00:00:00Z", "to", "2999-01-01T00:00"));
		assertThat(filtered.get("total").asLong()).isEqualTo(1);
		HttpResponse<String> csv = api.get("/api/v1/audit-events/export?format=csv&email=" + account.email());
		assertThat(CsvReader.parse(csv.body())).hasSize(4);
		assertThat(verifier.verify().intact()).isTrue();

		jdbc.sql("update audit_event set reason = 'x' where id = ?").param(requested).update();
		assertThat(verifier.verify()).extracting(ChainCheck::brokenAtId, ChainCheck::problem)
			.containsExactly(requested, "edited_event");
		jdbc.sql("update audit_event set reason = null where id = ?").param(requested).update();
		assertThat(verifier.verify().intact()).isTrue();
		// Stored as text, not jsonb: PostgreSQL hands back exactly what was hashed.
		assertThat(
				jdbc.sql("select details from audit_event where id = ?").param(requested).query(String.class).single())
			.isEqualTo("{\"trigger\":\"forgot\"}");
		jdbc.sql("update audit_event set details = '{\"trigger\":\"self\"}' where id = ?").param(requested).update();
		assertThat(verifier.verify()).extracting(ChainCheck::brokenAtId, ChainCheck::problem)
			.containsExactly(requested, "edited_event");
		jdbc.sql("update audit_event set details = '{\"trigger\":\"forgot\"}' where id = ?").param(requested).update();

		HttpResponse<String> erased = api.post("/api/v1/accounts/" + account.id() + "/audit-erasure");
		assertThat(AuditApi.JSON.readTree(erased.body()).get("erasedEvents").asInt()).isEqualTo(3);
		assertThat(verifier.verify().intact()).isTrue();

		clock.advance(retention.retention().plus(Duration.ofDays(1)));
		try {
			long kept = audit.record(AuditEntry.forAccount(AuditEventType.SIGN_IN_SUCCEEDED, Outcome.SUCCESS, null,
					account.id(), origin));
			RetentionRun run = retention.purge();
			assertThat(run.baseId()).isEqualTo(kept - 1);
			assertThat(jdbc.sql("select id from audit_event").query(Long.class).list()).isEqualTo(List.of(kept));
			assertThat(verifier.verify()).extracting(ChainCheck::intact, ChainCheck::checked).containsExactly(true, 1L);
			assertThat(retention.lastRun()).hasValue(run);
		}
		finally {
			clock.reset();
		}
	}

}
