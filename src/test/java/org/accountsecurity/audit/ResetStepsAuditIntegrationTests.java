package org.accountsecurity.audit;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both ways into a reset, driven over HTTP like a person, step by step: each step adds
 * exactly the events docs/flows.md names, with every required field, as the operator API
 * returns them (docs/security.md LG-01, LG-02).
 */
class ResetStepsAuditIntegrationTests extends IntegrationTest {

	static final String NEW_PASSWORD = "a fresh passphrase for audit tests";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	Mailbox mailbox;

	@Test
	void forgotPasswordStepsAreEachRecordedOnce() {
		Account account = TestAccounts.create(accountService, Language.EN);
		Steps steps = new Steps(AuditApi.operator(port), account.email());
		WebClient person = new WebClient(port);

		person.get("/password/forgot");
		HttpResponse<String> asked = person.post("/password/forgot", Map.of("email", account.email()));
		String requestId = asked.headers().firstValue("X-Request-Id").orElseThrow();
		// The mail worker may be quicker than the next look: the request and its mail are
		// one step.
		List<JsonNode> requestAndMail = steps.awaitExpect("RESET_REQUESTED", "RESET_EMAIL_SENT");
		JsonNode requested = byType(requestAndMail, "RESET_REQUESTED");
		assertRequired(requested, account, "SUCCESS", requestId);
		assertThat(requested.get("reason").isNull()).isTrue();
		assertThat(requested.get("details")).isEqualTo(details("{\"trigger\":\"forgot\"}"));
		assertThat(requested.get("clientAddress").asString()).isEqualTo("127.0.0.0/24");
		assertThat(requested.get("userAgent").asString()).isNotBlank();

		String link = Mailbox.link(mailbox.await(account.email(), 1).get(0), "/password/reset?token=");
		JsonNode sent = byType(requestAndMail, "RESET_EMAIL_SENT");
		assertThat(sent.get("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(sent.get("accountId").asString()).isEqualTo(account.id().toString());
		assertLinkSent(sent, "forgot");
		assertThat(sent.get("requestId").asString()).isEqualTo(requestId);

		HttpResponse<String> opened = person.get(link.substring(BASE_URL.length()));
		assertRequired(steps.expect("RESET_LINK_OPENED").get(0), account, "SUCCESS",
				opened.headers().firstValue("X-Request-Id").orElseThrow());

		person.get("/password/reset/new");
		steps.expect();
		person.post("/password/reset/new", Map.of("password", "too short", "confirmPassword", "too short"));
		JsonNode rejected = steps.expect("PASSWORD_REJECTED").get(0);
		assertThat(rejected.get("outcome").asString()).isEqualTo("FAILURE");
		assertThat(rejected.get("reason").asString()).contains("too-short").doesNotContain("too short");

		person.post("/password/reset/new", Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
		List<JsonNode> changed = steps.expect("PASSWORD_CHANGED", "SESSIONS_REVOKED");
		assertThat(changed).allSatisfy(e -> assertThat(e.get("outcome").asString()).isEqualTo("SUCCESS"));
		assertThat(byType(changed, "PASSWORD_CHANGED").get("details")).isEqualTo(details("{\"via\":\"reset_link\"}"));
		JsonNode revokedSessions = byType(changed, "SESSIONS_REVOKED");
		assertThat(revokedSessions.get("reason").asString()).isEqualTo("password_changed");
		assertThat(revokedSessions.get("details")).isEqualTo(details("{\"count\":0}"));

		new WebClient(port).get(link.substring(BASE_URL.length()));
		JsonNode reused = steps.expect("RESET_TOKEN_REJECTED").get(0);
		assertThat(reused.get("outcome").asString()).isEqualTo("FAILURE");
		assertThat(reused.get("reason").asString()).isEqualTo("used");
	}

	@Test
	void accountDetailsStepsAreEachRecordedOnce() {
		Account account = TestAccounts.create(accountService, Language.DE);
		Steps steps = new Steps(AuditApi.operator(port), account.email());
		WebClient holder = new WebClient(port);

		holder.signIn(account.email(), TestAccounts.PASSWORD);
		steps.expect("SIGN_IN_SUCCEEDED");
		holder.get("/account");
		steps.expect();
		HttpResponse<String> asked = holder.post("/account/password-reset", Map.of());
		List<JsonNode> requestAndMail = steps.awaitExpect("RESET_REQUESTED", "RESET_EMAIL_SENT");
		JsonNode requested = byType(requestAndMail, "RESET_REQUESTED");
		assertRequired(requested, account, "SUCCESS", asked.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(requested.get("reason").isNull()).isTrue();
		assertThat(requested.get("details")).isEqualTo(details("{\"trigger\":\"self\"}"));
		assertLinkSent(byType(requestAndMail, "RESET_EMAIL_SENT"), "self");

		MimeMessage mail = mailbox.await(account.email(), 1).get(0);
		String cancel = Mailbox.link(mail, "/password/reset/cancel?token=");

		WebClient mailReader = new WebClient(port);
		mailReader.get(cancel.substring(BASE_URL.length()));
		mailReader.get("/password/reset/cancel");
		steps.expect();
		String token = Mailbox.token(mail);
		mailReader.post("/password/reset/cancel", Map.of());
		JsonNode revoked = steps.expect("RESET_LINK_REVOKED").get(0);
		assertThat(revoked.get("reason").asString()).isEqualTo("not_requested");

		new WebClient(port).get("/password/reset?token=" + token);
		assertThat(steps.expect("RESET_TOKEN_REJECTED").get(0).get("reason").asString()).isEqualTo("revoked");
	}

	@Test
	void aClientsRequestIdIsKeptApartFromTheServicesOwn() {
		String unknown = "request-id-" + Instant.now().toEpochMilli() + "@example.test";
		Steps steps = new Steps(AuditApi.operator(port), unknown);
		List<String> answered = new ArrayList<>();
		for (String clientId : List.of("client-chosen-0001", "client-chosen-0001", "not well formed!")) {
			HttpResponse<String> asked = new WebClient(port)
				.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/password-resets"))
					.header("Content-Type", "application/json")
					.header("X-Request-Id", clientId)
					.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + unknown + "\"}"))
					.build());
			assertThat(asked.statusCode()).isEqualTo(202);
			answered.add(asked.headers().firstValue("X-Request-Id").orElseThrow());
		}
		List<JsonNode> events = steps.expect("RESET_REQUESTED", "RESET_REQUESTED", "RESET_REQUESTED");
		assertThat(answered).doesNotContain("client-chosen-0001").doesNotHaveDuplicates();
		assertThat(events).extracting(e -> e.get("requestId").asString())
			.as("the chain records the service's own ids, one per request")
			.containsExactlyInAnyOrderElementsOf(answered);
		assertThat(events).extracting(e -> e.get("clientRequestId").asString(null))
			.containsExactlyInAnyOrder("client-chosen-0001", "client-chosen-0001", null);
		assertThat(AuditApi.JSON.readTree(AuditApi.operator(port).get("/api/v1/audit-events/verify").body())
			.get("intact")
			.asBoolean()).isTrue();
	}

	@Test
	void aRequestForAnUnknownAddressKeepsOnlyItsPseudonym() {
		String unknown = "Nobody-" + Instant.now().toEpochMilli() + "@Example.test";
		Steps steps = new Steps(AuditApi.operator(port), unknown.toLowerCase());
		WebClient person = new WebClient(port);
		person.get("/password/forgot");
		person.post("/password/forgot", Map.of("email", unknown));
		JsonNode requested = steps.expect("RESET_REQUESTED").get(0);
		assertThat(requested.get("outcome").asString()).isEqualTo("FAILURE");
		assertThat(requested.get("reason").asString()).isEqualTo("unknown_account");
		assertThat(requested.get("accountId").isNull()).isTrue();
		assertThat(requested.get("subjectHash").asString()).hasSize(64);
		assertThat(requested.get("details")).as("the details of a known address's row, so both cost the same")
			.isEqualTo(details("{\"trigger\":\"forgot\"}"));
		assertThat(requested.toString().toLowerCase()).doesNotContain(unknown.toLowerCase(), "nobody-");
	}

	static JsonNode byType(List<JsonNode> events, String type) {
		return events.stream().filter(e -> e.get("type").asString().equals(type)).findFirst().orElseThrow();
	}

	static JsonNode details(String json) {
		return AuditApi.JSON.readTree(json);
	}

	/**
	 * A first attempt's mail: no reason, exactly trigger, expiry (UTC, ms) and attempt.
	 */
	static void assertLinkSent(JsonNode sent, String trigger) {
		assertThat(sent.get("reason").isNull()).isTrue();
		JsonNode details = sent.get("details");
		assertThat(details.propertyNames()).containsExactly("trigger", "expiresAt", "attempt");
		assertThat(details.get("trigger").asString()).isEqualTo(trigger);
		assertThat(details.get("expiresAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z");
		assertThat(Instant.parse(details.get("expiresAt").asString()))
			.isAfter(Instant.parse(sent.get("occurredAt").asString()));
		assertThat(details.get("attempt").isIntegralNumber()).isTrue();
		assertThat(details.get("attempt").asInt()).isEqualTo(1);
	}

	private static void assertRequired(JsonNode event, Account account, String outcome, String requestId) {
		assertThat(event.get("id").asLong()).isPositive();
		assertThat(event.get("outcome").asString()).isEqualTo(outcome);
		assertThat(event.get("accountId").asString()).isEqualTo(account.id().toString());
		assertThat(event.get("actor").asString()).isEqualTo("self");
		assertThat(event.get("requestId").asString()).isEqualTo(requestId);
		String at = event.get("occurredAt").asString();
		assertThat(at).endsWith("Z");
		assertThat(Duration.between(Instant.parse(at), Instant.now()).abs()).isLessThan(Duration.ofSeconds(30));
	}

	/** The events of one address as the operator API lists them, step by step. */
	static final class Steps {

		private final AuditApi api;

		private final String email;

		private final Set<Long> seen = new HashSet<>();

		Steps(AuditApi api, String email) {
			this.api = api;
			this.email = email;
			fresh();
		}

		/**
		 * The events added since the last step must be exactly these types (in any
		 * order).
		 */
		List<JsonNode> expect(String... types) {
			List<JsonNode> added = fresh();
			assertThat(added).extracting(e -> e.get("type").asString()).containsExactlyInAnyOrder(types);
			return added;
		}

		/**
		 * As {@link #expect}, for events written by the mail worker after the request
		 * returned.
		 */
		List<JsonNode> awaitExpect(String... types) {
			List<JsonNode> added = new ArrayList<>();
			Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
				added.addAll(fresh());
				return added.size() >= types.length;
			});
			assertThat(added).extracting(e -> e.get("type").asString()).containsExactlyInAnyOrder(types);
			return added;
		}

		private List<JsonNode> fresh() {
			List<JsonNode> added = new ArrayList<>();
			for (JsonNode event : api.eventsOf(email)) {
				if (seen.add(event.get("id").asLong())) {
					added.add(event);
				}
			}
			return added;
		}

	}

}
