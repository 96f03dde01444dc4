package org.accountsecurity.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogIntegrationTests extends IntegrationTest {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eventsChainToTheirPredecessor() {
		UUID account = UUID.randomUUID();
		RequestOrigin origin = new RequestOrigin("203.0.113.77", "JUnit", "req-12345678");
		long first = audit
			.record(AuditEntry.forAccount(AuditEventType.RESET_REQUESTED, Outcome.SUCCESS, null, account, origin)
				.with("trigger", "self"));
		long second = audit
			.record(AuditEntry.forAccount(AuditEventType.RESET_EMAIL_SENT, Outcome.SUCCESS, null, account, origin));
		Map<String, Object> a = row(first);
		Map<String, Object> b = row(second);
		assertThat(b.get("prev_hash")).isEqualTo(a.get("hash"));
		assertThat(b.get("hash"))
			.isEqualTo(ChainHash.of((String) b.get("prev_hash"), second, epochMillis(b.get("occurred_at")),
					"RESET_EMAIL_SENT", "SUCCESS", null, "self", "req-12345678", (String) b.get("personal_digest")));
		assertThat(b.get("details")).isNull();
		assertThat(a.get("details")).isEqualTo("{\"trigger\":\"self\"}");
		assertThat(a.get("hash")).isEqualTo(ChainHash.of((String) a.get("prev_hash"), first,
				epochMillis(a.get("occurred_at")), "RESET_REQUESTED", "SUCCESS", null, "self", "req-12345678",
				(String) a.get("personal_digest"), "{\"trigger\":\"self\"}"));
	}

	@Test
	void clientAddressesAreTruncatedAndUnknownAddressesPseudonymised() {
		long id = audit.record(AuditEntry.forUnknownSubject(AuditEventType.RESET_REQUESTED, Outcome.FAILURE,
				"unknown_account", "Someone@Example.org", new RequestOrigin("203.0.113.77", "JUnit", null)));
		Map<String, Object> row = row(id);
		assertThat(row.get("client_address")).isEqualTo("203.0.113.0/24");
		assertThat(row.get("subject_hash")).asString().hasSize(64).doesNotContain("someone");
		assertThat(row.values()).noneMatch(v -> String.valueOf(v).toLowerCase().contains("someone@example.org"));
	}

	@Test
	void controlCharactersInRecordedInputAreNeutralised() {
		long id = audit.record(AuditEntry.forAccount(AuditEventType.SIGN_IN_FAILED, Outcome.FAILURE, "bad\r\nforged",
				UUID.randomUUID(), new RequestOrigin("2001:db8:1234:5678::1", "agent\n{\"event\":\"forged\"}", null)));
		Map<String, Object> row = row(id);
		assertThat((String) row.get("reason")).doesNotContain("\n", "\r").contains("\\u000d\\u000a");
		assertThat((String) row.get("user_agent")).doesNotContain("\n");
		assertThat(row.get("client_address")).isEqualTo("2001:db8:1234::/48");
	}

	@Test
	void concurrentWritersKeepOneUnbrokenChain() throws Exception {
		List<Thread> writers = new java.util.ArrayList<>();
		for (int t = 0; t < 8; t++) {
			Thread writer = new Thread(() -> {
				for (int i = 0; i < 10; i++) {
					audit.record(AuditEntry.forAccount(AuditEventType.SIGN_IN_SUCCEEDED, Outcome.SUCCESS, null,
							UUID.randomUUID(), RequestOrigin.SYSTEM));
				}
			});
			writer.start();
			writers.add(writer);
		}
		for (Thread writer : writers) {
			writer.join();
		}
		List<Map<String, Object>> rows = jdbc.sql("select id, prev_hash, hash from audit_event order by id")
			.query()
			.listOfRows();
		for (int i = 1; i < rows.size(); i++) {
			assertThat(((Number) rows.get(i).get("id")).longValue())
				.isEqualTo(((Number) rows.get(i - 1).get("id")).longValue() + 1);
			assertThat(rows.get(i).get("prev_hash")).isEqualTo(rows.get(i - 1).get("hash"));
		}
	}

	private static long epochMillis(Object time) {
		return time instanceof java.sql.Timestamp ts ? ts.toInstant().toEpochMilli()
				: java.time.Instant.from((java.time.temporal.TemporalAccessor) time).toEpochMilli();
	}

	private Map<String, Object> row(long id) {
		return jdbc.sql("select * from audit_event where id = ?").param(id).query().singleRow();
	}

}
