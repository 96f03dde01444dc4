package org.accountsecurity.audit;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.SeparateIntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.TestClock;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering, retention and erasure against the chain check. These tests edit and delete
 * rows, so they run in a context of their own: its own in-memory database, server, Redis
 * and SMTP, closed afterwards.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditChainIntegrationTests extends SeparateIntegrationTest {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:audit-chain;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
	}

	@Autowired
	AuditLog audit;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	AuditRetention retention;

	@Autowired
	AccountService accountService;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void runsOnItsOwnDatabaseAndServer() {
		assertThat(baseUrl).isNotEqualTo(IntegrationTest.BASE_URL);
		assertThat(jdbc.sql("select count(*) from account where email like 'user-%'").query(Long.class).single())
			.isLessThan(10);
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void anEditedReasonIsReportedAtThatEvent() {
		List<Long> ids = recordThree();
		assertThat(verifier.verify().intact()).isTrue();
		String reason = jdbc.sql("select reason from audit_event where id = ?")
			.param(ids.get(1))
			.query(String.class)
			.single();
		jdbc.sql("update audit_event set reason = 'edited' where id = ?").param(ids.get(1)).update();
		try {
			ChainCheck check = verifier.verify();
			assertThat(check.intact()).isFalse();
			assertThat(check.brokenAtId()).isEqualTo(ids.get(1));
			assertThat(check.problem()).isEqualTo("edited_event");
			JsonNode api = AuditApi.JSON.readTree(AuditApi.operator(port).get("/api/v1/audit-events/verify").body());
			assertThat(api.get("intact").asBoolean()).isFalse();
			assertThat(api.get("brokenAtId").asLong()).isEqualTo(ids.get(1));
			assertThat(api.get("problem").asString()).isEqualTo("edited_event");
			assertThat(api.get("checked").asLong()).isEqualTo(check.checked());
		}
		finally {
			jdbc.sql("update audit_event set reason = ? where id = ?").params(reason, ids.get(1)).update();
		}
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void detailsAreChainedOnlyWhenPresentAndAnEditOfThemIsReported() {
		long legacy = record("no details");
		long detailed = audit.record(
				AuditEntry
					.forAccount(AuditEventType.SESSIONS_REVOKED, Outcome.SUCCESS, "password_changed", UUID.randomUUID(),
							new RequestOrigin("203.0.113.7", "Chain test", "req-chain-test"))
					.with("count", 2));
		// An event without details is stored as events were before V6__audit_details.
		assertThat(details(legacy)).isNull();
		assertThat(details(detailed)).isEqualTo("{\"count\":2}");
		assertThat(verifier.verify().intact()).isTrue();

		for (String forged : new String[] { "{\"count\":0}", "{\"count\": 2}", null }) {
			jdbc.sql("update audit_event set details = ? where id = ?").params(forged, detailed).update();
			assertThat(verifier.verify()).as(String.valueOf(forged))
				.extracting(ChainCheck::brokenAtId, ChainCheck::problem)
				.containsExactly(detailed, "edited_event");
		}
		jdbc.sql("update audit_event set details = '{\"count\":2}' where id = ?").param(detailed).update();
		assertThat(verifier.verify().intact()).isTrue();

		jdbc.sql("update audit_event set details = '{}' where id = ?").param(legacy).update();
		try {
			assertThat(verifier.verify()).extracting(ChainCheck::brokenAtId, ChainCheck::problem)
				.containsExactly(legacy, "edited_event");
		}
		finally {
			jdbc.sql("update audit_event set details = null where id = ?").param(legacy).update();
		}
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void aDeletedEventIsReportedByItsId() {
		List<Long> ids = recordThree();
		Map<String, Object> row = deleteRow(ids.get(1));
		try {
			assertThat(verifier.verify()).extracting(ChainCheck::intact, ChainCheck::brokenAtId, ChainCheck::problem)
				.containsExactly(false, ids.get(1), "missing_event");
		}
		finally {
			insertRow(row);
		}
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void aDeletedNewestEventIsReportedToo() {
		List<Long> ids = recordThree();
		Map<String, Object> row = deleteRow(ids.get(2));
		try {
			assertThat(verifier.verify()).extracting(ChainCheck::intact, ChainCheck::brokenAtId, ChainCheck::problem)
				.containsExactly(false, ids.get(2), "missing_event");
		}
		finally {
			insertRow(row);
		}
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void anAlteredLinkOrPersonalFieldIsReported() {
		List<Long> ids = recordThree();
		String prev = jdbc.sql("select prev_hash from audit_event where id = ?")
			.param(ids.get(2))
			.query(String.class)
			.single();
		jdbc.sql("update audit_event set prev_hash = ? where id = ?").params("1".repeat(64), ids.get(2)).update();
		try {
			assertThat(verifier.verify()).extracting(ChainCheck::brokenAtId, ChainCheck::problem)
				.containsExactly(ids.get(2), "broken_link");
		}
		finally {
			jdbc.sql("update audit_event set prev_hash = ? where id = ?").params(prev, ids.get(2)).update();
		}
		jdbc.sql("update audit_event set client_address = '198.51.100.0/24' where id = ?").param(ids.get(0)).update();
		try {
			assertThat(verifier.verify()).extracting(ChainCheck::brokenAtId, ChainCheck::problem)
				.containsExactly(ids.get(0), "personal_data_altered");
		}
		finally {
			jdbc.sql("update audit_event set client_address = '203.0.113.0/24' where id = ?")
				.param(ids.get(0))
				.update();
		}
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void retentionRemovesOnlyOldEventsAndTheChainStillVerifies() {
		List<Long> old = recordThree();
		clock.advance(retention.retention().plus(Duration.ofDays(100)));
		long kept = record("kept");
		// An event whose clock lags behind its predecessor's: old, but not part of the
		// old prefix.
		clock.advance(Duration.ofDays(-450));
		long lagging = record("lagging");
		clock.advance(Duration.ofDays(450));
		long keptToo = record("kept too");

		RetentionRun run = retention.purge();

		assertThat(run.removed()).isGreaterThanOrEqualTo(old.size());
		assertThat(run.baseId()).isEqualTo(kept - 1);
		assertThat(existing(old)).isEmpty();
		assertThat(existing(List.of(kept, lagging, keptToo))).containsExactly(kept, lagging, keptToo);
		assertThat(jdbc.sql("select count(*) from audit_event where id < ?").param(kept).query(Long.class).single())
			.isZero();
		ChainCheck check = verifier.verify();
		assertThat(check.intact()).isTrue();
		assertThat(check.checked()).isGreaterThanOrEqualTo(3);
		assertThat(retention.lastRun()).hasValue(run);

		assertThat(retention.purge().removed()).isZero();
		assertThat(verifier.verify().intact()).isTrue();

		WebClient operator = new WebClient(port);
		operator.signIn(AuditApi.OPERATOR_EMAIL, AuditApi.OPERATOR_PASSWORD);
		HttpResponse<String> console = operator.get("/operator/audit");
		assertThat(console.statusCode()).isEqualTo(200);
		assertThat(console.body()).contains("id=\"retention-last-run\"", "Events removed: 0");
	}

	@Test
	void erasureRemovesOneAccountsPersonalDataAndKeepsTheChain() {
		Account erased = TestAccounts.create(accountService, Language.EN);
		Account other = TestAccounts.create(accountService, Language.EN);
		RequestOrigin origin = new RequestOrigin("203.0.113.9", "Erasure test browser", "req-erasure-1");
		audit.record(AuditEntry.forAccount(AuditEventType.RESET_REQUESTED, Outcome.SUCCESS, null, erased.id(), origin)
			.with("trigger", "forgot"));
		audit.record(AuditEntry.forUnknownSubject(AuditEventType.SIGN_IN_FAILED, Outcome.FAILURE, "bad_credentials",
				erased.email(), origin));
		audit.record(AuditEntry.forAccount(AuditEventType.RESET_REQUESTED, Outcome.SUCCESS, null, other.id(), origin)
			.with("trigger", "forgot"));
		List<Map<String, Object>> othersBefore = rowsOf(other.id());
		String erasedPseudonym = jdbc
			.sql("select subject_hash from audit_event where type = 'SIGN_IN_FAILED' "
					+ "and request_id = 'req-erasure-1'")
			.query(String.class)
			.single();

		HttpResponse<String> answer = AuditApi.operator(port)
			.post("/api/v1/accounts/" + erased.id() + "/audit-erasure");

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode body = AuditApi.JSON.readTree(answer.body());
		assertThat(body.get("erasedEvents").asInt()).isEqualTo(3);
		assertThat(rowsOf(erased.id())).isEmpty();
		assertThat(jdbc.sql("select count(*) from audit_event where subject_hash = ?")
			.param(erasedPseudonym)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc
			.sql("select count(*) from audit_event where erased_at is not null and (client_address is not null "
					+ "or user_agent is not null or personal_salt is not null)")
			.query(Long.class)
			.single()).isZero();
		assertThat(rowsOf(other.id())).isEqualTo(othersBefore);

		Map<String, Object> record = jdbc.sql("select * from audit_event where id = ?")
			.param(body.get("eventId").asLong())
			.query()
			.singleRow();
		assertThat(record.get("type")).isEqualTo("PERSONAL_DATA_ERASED");
		assertThat(record.get("reason")).isNull();
		assertThat(record.get("details")).isEqualTo("{\"events\":3}");
		assertThat(record.get("account_id")).isNull();
		assertThat(record.get("subject_hash")).isNull();
		assertThat((String) record.get("actor")).startsWith("operator:");
		assertThat(record.values()).noneMatch(
				v -> String.valueOf(v).contains(erased.id().toString()) || String.valueOf(v).contains(erased.email()));

		assertThat(verifier.verify().intact()).isTrue();
		JsonNode export = AuditApi.JSON
			.readTree(AuditApi.operator(port).get("/api/v1/accounts/" + erased.id() + "/audit-events").body());
		assertThat(export.get("events").size()).isZero();
		assertThat(AuditApi.JSON
			.readTree(AuditApi.operator(port).post("/api/v1/accounts/" + erased.id() + "/audit-erasure").body())
			.get("erasedEvents")
			.asInt()).isZero();
	}

	private List<Long> recordThree() {
		return List.of(record("one"), record("two"), record("three"));
	}

	private long record(String reason) {
		return audit.record(AuditEntry.forAccount(AuditEventType.SIGN_IN_FAILED, Outcome.FAILURE, reason,
				UUID.randomUUID(), new RequestOrigin("203.0.113.7", "Chain test", "req-chain-test")));
	}

	private String details(long id) {
		return (String) jdbc.sql("select details from audit_event where id = ?")
			.param(id)
			.query()
			.singleRow()
			.get("details");
	}

	private List<Long> existing(List<Long> ids) {
		List<Long> found = new ArrayList<>();
		for (long id : ids) {
			if (jdbc.sql("select count(*) from audit_event where id = ?").param(id).query(Long.class).single() > 0) {
				found.add(id);
			}
		}
		return found;
	}

	private List<Map<String, Object>> rowsOf(UUID accountId) {
		return jdbc.sql("select * from audit_event where account_id = ? order by id")
			.param(accountId)
			.query()
			.listOfRows();
	}

	private Map<String, Object> deleteRow(long id) {
		Map<String, Object> row = new java.util.HashMap<>(
				jdbc.sql("select * from audit_event where id = ?").param(id).query().singleRow());
		jdbc.sql("delete from audit_event where id = ?").param(id).update();
		return row;
	}

	private void insertRow(Map<String, Object> row) {
		List<String> columns = new ArrayList<>(row.keySet());
		jdbc.sql("insert into audit_event (" + String.join(", ", columns) + ") values ("
				+ String.join(", ", columns.stream().map(c -> "?").toList()) + ")")
			.params(columns.stream().map(row::get).toList())
			.update();
	}

}
