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
import org.accountsecurity.account.Language;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit API (docs/flows.md, JSON API) on a trail shared with other tests: every
 * assertion is scoped to accounts and addresses made here, so other tests' events never
 * count.
 */
class AuditApiIntegrationTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	AuditLog audit;

	@Autowired
	AccountService accountService;

	@Autowired
	TestClock clock;

	AuditApi api;

	Account account;

	String ghost;

	/**
	 * Oldest first: the account's creation, then these, one millisecond apart at least.
	 */
	List<Long> recorded;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@BeforeEach
	void someEvents() {
		api = AuditApi.operator(port);
		account = TestAccounts.create(accountService, Language.EN);
		ghost = "ghost-" + UUID.randomUUID() + "@example.test";
		Account bystander = TestAccounts.create(accountService, Language.EN);
		RequestOrigin origin = new RequestOrigin("198.51.100.23", "Mozilla/5.0 (X11; Linux x86_64) AuditApiTests",
				"req-api-1");
		recorded = new ArrayList<>();
		recorded.add(record(AuditEntry.forUnknownSubject(AuditEventType.SIGN_IN_FAILED, Outcome.FAILURE,
				"bad_credentials", account.email().toUpperCase(), origin)));
		recorded.add(record(AuditEntry
			.forAccount(AuditEventType.SIGN_IN_FAILED, Outcome.FAILURE, "bad_credentials", account.id(), origin)
			.with("count", 3)));
		recorded.add(record(
				AuditEntry.forAccount(AuditEventType.SIGN_IN_SUCCEEDED, Outcome.SUCCESS, null, account.id(), origin)));
		recorded.add(record(
				AuditEntry.forAccount(AuditEventType.RESET_REQUESTED, Outcome.SUCCESS, null, account.id(), origin)
					.with("trigger", "self")));
		recorded.add(record(AuditEntry.forAccount(AuditEventType.PASSWORD_REJECTED, Outcome.FAILURE,
				"=HYPERLINK(\"http://evil.example\"),too-short", account.id(),
				new RequestOrigin("198.51.100.23", "@SUM(1+1)\"quoted\", comma", "req-api-2"))));
		recorded.add(record(
				AuditEntry.forAccount(AuditEventType.PASSWORD_CHANGED, Outcome.SUCCESS, null, account.id(), origin)
					.with("via", "reset_link")));
		record(AuditEntry.forUnknownSubject(AuditEventType.RESET_REQUESTED, Outcome.FAILURE, "unknown_account", ghost,
				origin));
		record(AuditEntry.forAccount(AuditEventType.SIGN_IN_FAILED, Outcome.FAILURE, "bad_credentials", bystander.id(),
				origin));
	}

	@Test
	void anAddressFindsTheAccountsEventsAndThoseOfRequestsThatTypedIt() {
		List<JsonNode> events = api.eventsOf(account.email());
		assertThat(ids(events)).hasSize(recorded.size() + 1)
			.containsAll(recorded)
			.isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(events.get(events.size() - 1).get("type").asString()).isEqualTo("ACCOUNT_CREATED");
		assertThat(events).allSatisfy(e -> assertThat(
				e.get("accountId").isNull() ? e.get("subjectHash").asString() : e.get("accountId").asString())
			.isNotEmpty());

		List<JsonNode> unknown = api.eventsOf(ghost.toUpperCase());
		assertThat(unknown).extracting(e -> e.get("type").asString()).containsExactly("RESET_REQUESTED");
		assertThat(unknown.get(0).toString()).doesNotContain(ghost);
	}

	@Test
	void typeOutcomeAndTimeFiltersReturnExactlyTheMatchingEvents() {
		assertThat(ids(list(Map.of("email", account.email(), "type", "SIGN_IN_FAILED"))))
			.containsExactly(recorded.get(1), recorded.get(0));
		assertThat(ids(list(Map.of("email", account.email(), "outcome", "FAILURE")))).containsExactly(recorded.get(4),
				recorded.get(1), recorded.get(0));
		assertThat(ids(list(Map.of("email", account.email(), "type", "password_changed", "outcome", "success"))))
			.containsExactly(recorded.get(5));

		List<JsonNode> all = api.eventsOf(account.email());
		String from = occurredAt(all, recorded.get(2));
		String to = occurredAt(all, recorded.get(4));
		assertThat(ids(list(Map.of("email", account.email(), "from", from, "to", to)))).containsExactly(recorded.get(3),
				recorded.get(2));
		String local = to.substring(0, to.length() - 1);
		assertThat(ids(list(Map.of("email", account.email(), "from", local)))).containsExactly(recorded.get(5),
				recorded.get(4));
	}

	@Test
	void pagesSplitTheFilteredEventsWithoutGapsOrRepeats() {
		List<Long> whole = ids(api.eventsOf(account.email()));
		List<Long> paged = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			JsonNode answer = api.list(Map.of("email", account.email(), "size", "3", "page", Integer.toString(page)));
			assertThat(answer.get("total").asLong()).isEqualTo(7);
			assertThat(answer.get("page").asInt()).isEqualTo(page);
			assertThat(answer.get("size").asInt()).isEqualTo(3);
			answer.get("events").forEach(e -> paged.add(e.get("id").asLong()));
		}
		assertThat(paged).isEqualTo(whole);
		assertThat(api.list(Map.of("email", account.email(), "size", "3", "page", "3")).get("events").size()).isZero();
	}

	@Test
	void csvAndJsonExportsHoldExactlyTheFilteredList() {
		Map<String, String> filter = Map.of("email", account.email(), "outcome", "FAILURE");
		List<JsonNode> listed = new ArrayList<>();
		list(filter).forEach(listed::add);

		HttpResponse<String> csv = api.get("/api/v1/audit-events/export" + AuditApi.query(withFormat(filter, "csv")));
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
		List<List<String>> rows = CsvReader.parse(csv.body());
		assertThat(rows.get(0)).containsExactly("id", "occurredAt", "type", "outcome", "reason", "actor", "accountId",
				"subjectHash", "clientAddress", "userAgent", "requestId", "clientRequestId", "erasedAt", "details");
		assertThat(rows).hasSize(listed.size() + 1);
		for (int i = 0; i < listed.size(); i++) {
			JsonNode event = listed.get(i);
			List<String> row = rows.get(i + 1);
			for (int c = 0; c < rows.get(0).size(); c++) {
				JsonNode value = event.get(rows.get(0).get(c));
				String expected = value.isNull() ? ""
						: value.isObject() ? (value.isEmpty() ? "" : value.toString()) : value.asString();
				assertThat(row.get(c)).as(rows.get(0).get(c))
					.isEqualTo(
							expected.isEmpty() || "=+-@".indexOf(expected.charAt(0)) < 0 ? expected : "'" + expected);
			}
		}
		assertThat(listed).extracting(e -> e.get("details").toString()).containsExactly("{}", "{\"count\":3}", "{}");
		assertThat(csv.body()).contains("\"{\"\"count\"\":3}\"\r\n");
		assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\"),too-short\"", "\"'@SUM(1+1)");

		HttpResponse<String> json = api.get("/api/v1/audit-events/export" + AuditApi.query(withFormat(filter, "json")));
		assertThat(json.statusCode()).isEqualTo(200);
		JsonNode exported = AuditApi.JSON.readTree(json.body());
		List<JsonNode> events = new ArrayList<>();
		exported.get("events").forEach(events::add);
		assertThat(events).isEqualTo(listed);
		assertThat(exported.get("count").asInt()).isEqualTo(listed.size());
		assertThat(exported.get("truncated").asBoolean()).isFalse();
	}

	@Test
	void anAccountsOwnExportHoldsAllItsEventsOldestFirst() {
		HttpResponse<String> answer = api.get("/api/v1/accounts/" + account.id() + "/audit-events");
		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode export = AuditApi.JSON.readTree(answer.body());
		assertThat(export.get("accountId").asString()).isEqualTo(account.id().toString());
		List<Long> ids = new ArrayList<>();
		export.get("events").forEach(e -> ids.add(e.get("id").asLong()));
		assertThat(ids).hasSize(7).containsAll(recorded).isSorted();

		HttpResponse<String> unknown = api.get("/api/v1/accounts/" + UUID.randomUUID() + "/audit-events");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void invalidFilterValuesAreProblems() {
		for (String query : List.of("type=NO_SUCH_TYPE", "outcome=MAYBE", "from=yesterday", "to=2026-13-01T00:00:00Z",
				"size=201", "size=0", "page=-1", "page=x", "from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z")) {
			HttpResponse<String> answer = api.get("/api/v1/audit-events?" + query);
			assertThat(answer.statusCode()).as(query).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
			assertThat(answer.body()).as(query).contains("invalid-filter").doesNotContain("Exception");
		}
		assertThat(api.get("/api/v1/audit-events/export?format=xml").statusCode()).isEqualTo(400);
		assertThat(api.get("/api/v1/audit-events/export?format=csv&size=500").statusCode()).isEqualTo(400);
	}

	@Test
	void onlyOperatorsReadAndNobodyWrites() {
		AuditApi anonymous = new AuditApi(port, null, null);
		AuditApi holder = new AuditApi(port, account.email(), TestAccounts.PASSWORD);
		for (String path : List.of("/api/v1/audit-events", "/api/v1/audit-events/export?format=csv",
				"/api/v1/audit-events/verify", "/api/v1/accounts/" + account.id() + "/audit-events")) {
			assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(401);
			assertThat(holder.get(path).statusCode()).as(path).isEqualTo(403);
		}
		assertThat(holder.post("/api/v1/accounts/" + account.id() + "/audit-erasure").statusCode()).isEqualTo(403);
		long before = api.eventsOf(account.email()).size();
		for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
			for (String path : List.of("/api/v1/audit-events", "/api/v1/audit-events/" + recorded.get(0),
					"/api/v1/audit-events/verify")) {
				assertThat(api.method(method, path).statusCode()).as(method + " " + path).isIn(403, 405);
				assertThat(holder.method(method, path).statusCode()).as(method + " " + path).isEqualTo(403);
			}
		}
		assertThat(api.eventsOf(account.email())).hasSize((int) before);
		HttpResponse<String> verify = api.get("/api/v1/audit-events/verify");
		assertThat(verify.statusCode()).isEqualTo(200);
		assertThat(AuditApi.JSON.readTree(verify.body()).has("checked")).isTrue();
	}

	private long record(AuditEntry entry) {
		long id = audit.record(entry);
		clock.advance(Duration.ofMillis(1)); // the next event is a millisecond later
		return id;
	}

	private List<JsonNode> list(Map<String, String> filter) {
		List<JsonNode> events = new ArrayList<>();
		api.list(filter).get("events").forEach(events::add);
		return events;
	}

	private static Map<String, String> withFormat(Map<String, String> filter, String format) {
		Map<String, String> all = new java.util.LinkedHashMap<>(filter);
		all.put("format", format);
		return all;
	}

	private static String occurredAt(List<JsonNode> events, long id) {
		return events.stream()
			.filter(e -> e.get("id").asLong() == id)
			.findFirst()
			.orElseThrow()
			.get("occurredAt")
			.asString();
	}

	private static List<Long> ids(List<JsonNode> events) {
		return events.stream().map(e -> e.get("id").asLong()).toList();
	}

}
