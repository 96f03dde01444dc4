package org.accountsecurity.securityevents;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import io.micrometer.core.instrument.MeterRegistry;
import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.audit.AuditEvent;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditTrail;
import org.accountsecurity.securityevents.TestReceiver.Received;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.SeparateIntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Security events reach real HTTP receivers started by the test: a webhook (signature
 * verified with the test's own HMAC code), a webhook that answers 500 forever, and a
 * receiver of Security Event Tokens (verified with the served JWK Set).
 */
class SecurityEventsIntegrationTests extends SeparateIntegrationTest {

	static final String SECRET = "whsec_dGVzdC13ZWJob29rLXNlY3JldC1vZi0zMi1ieXRlcyE=";

	static final String AUDIENCE = "https://rp.example.test";

	static final String NEW_PASSWORD = "a calm lighthouse keeps watch over the bay";

	static final TestReceiver HOOK = new TestReceiver(204);

	static final TestReceiver FAILING = new TestReceiver(500);

	static final TestReceiver SETS = new TestReceiver(202);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	AccountService accountService;

	@Autowired
	Mailbox mailbox;

	@Autowired
	AuditTrail trail;

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	MeterRegistry meters;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void receivers(DynamicPropertyRegistry registry) {
		registry.add("app.events.webhooks[0].url", () -> HOOK.url("/hooks/security"));
		registry.add("app.events.webhooks[0].types", () -> "PASSWORD_CHANGED, SESSIONS_REVOKED, RESET_REQUESTED");
		registry.add("app.events.webhooks[0].secret", () -> SECRET);
		registry.add("app.events.webhooks[1].url", () -> FAILING.url("/broken"));
		registry.add("app.events.webhooks[1].types", () -> "PASSWORD_CHANGED,RESET_REQUESTED");
		registry.add("app.events.webhooks[1].secret", () -> SECRET);
		registry.add("app.events.webhooks[1].max-attempts", () -> 3);
		registry.add("app.events.set-receivers[0].url", () -> SETS.url("/caep"));
		registry.add("app.events.set-receivers[0].audience", () -> AUDIENCE);
		// Short delays: 100 ms doubling up to 1 s; 60 attempts outlast 30 s of downtime.
		registry.add("app.events.first-retry-delay", () -> "100ms");
		registry.add("app.events.max-retry-delay", () -> "1s");
		registry.add("app.events.max-attempts", () -> 60);
		registry.add("app.events.poll-interval", () -> "50ms");
		registry.add("app.events.connect-timeout", () -> "1s");
		registry.add("app.events.read-timeout", () -> "10s");
		registry.add("app.events.lease", () -> "30s");
	}

	@AfterAll
	static void stopReceivers() {
		for (TestReceiver receiver : List.of(HOOK, FAILING, SETS)) {
			try {
				receiver.stop();
			}
			catch (RuntimeException ex) {
				// Already stopped.
			}
		}
	}

	@Test
	void aPasswordChangeReachesTheWebhookSignedAndWithoutPersonalData() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		String token = changePassword(account);

		Received hook = await().atMost(Duration.ofSeconds(20))
			.until(() -> forAccount(HOOK, account, "PASSWORD_CHANGED"), list -> !list.isEmpty())
			.get(0);

		assertThat(hook.method()).isEqualTo("POST");
		assertThat(hook.header("Content-Type")).startsWith("application/json");
		String id = hook.header("webhook-id");
		String timestamp = hook.header("webhook-timestamp");
		assertThat(id).startsWith("msg_");
		assertThat(Long.parseLong(timestamp)).isBetween(Instant.now().getEpochSecond() - 60,
				Instant.now().getEpochSecond() + 5);
		assertThat(WebhookVerifier.verifies(SECRET, id, timestamp, hook.body(), hook.header("webhook-signature")))
			.isTrue();
		assertThat(WebhookVerifier.verifies(SECRET, id, timestamp, hook.body().replace("SUCCESS", "FAILURE"),
				hook.header("webhook-signature")))
			.isFalse();
		JsonNode payload = JSON.readTree(hook.body());
		assertThat(payload.get("type").asString()).isEqualTo("PASSWORD_CHANGED");
		assertThat(payload.get("accountId").asString()).isEqualTo(account.id().toString());
		assertThat(payload.get("eventId").asLong()).isPositive();
		assertThat(Instant.parse(payload.get("occurredAt").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(hook.body()).doesNotContain(account.email(), account.email().split("@")[0], "Robin", token,
				NEW_PASSWORD, TestAccounts.PASSWORD, "127.0.0", "Java-http-client", "http");
		// The sessions ended by the change follow.
		await().atMost(Duration.ofSeconds(20))
			.until(() -> forAccount(HOOK, account, "SESSIONS_REVOKED"), list -> !list.isEmpty());
	}

	@Test
	void aSetReceiverGetsVerifiableCredentialChangeAndSessionRevokedTokens() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		changePassword(account);
		HttpResponse<String> jwks = get("/.well-known/jwks.json");
		assertThat(jwks.statusCode()).isEqualTo(200);
		assertThat(jwks.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(value -> assertThat(value).contains("max-age=300", "public"));
		assertThat(jwks.body()).doesNotContain("\"d\"");
		JwkSet keys = Jwks.setParser().build().parse(jwks.body());
		PublicJwk<?> key = (PublicJwk<?>) keys.getKeys().iterator().next();

		List<Jws<Claims>> tokens = await().atMost(Duration.ofSeconds(20))
			.until(() -> SETS.received()
				.stream()
				.filter(received -> "/caep".equals(received.path()))
				.map(received -> Jwts.parser()
					.verifyWith((java.security.PublicKey) key.toKey())
					.requireIssuer(baseUrl)
					.requireAudience(AUDIENCE)
					.build()
					.parseSignedClaims(received.body()))
				.filter(jws -> account.id().toString().equals(subject(jws)))
				.toList(), list -> list.size() >= 2);

		assertThat(SETS.received())
			.allSatisfy(received -> assertThat(received.header("Content-Type")).isEqualTo("application/secevent+jwt"));
		Jws<Claims> change = tokens.stream()
			.filter(jws -> events(jws).containsKey(CaepEvents.CREDENTIAL_CHANGE))
			.findFirst()
			.orElseThrow();
		assertThat(change.getHeader().getType()).isEqualTo("secevent+jwt");
		assertThat(change.getHeader().getAlgorithm()).isEqualTo("ES256");
		assertThat(change.getHeader().getKeyId()).isEqualTo(key.getId());
		assertThat(change.getPayload().getId()).isNotBlank();
		assertThat(change.getPayload().getIssuedAt()).isNotNull();
		assertThat(change.getPayload().get("sub_id", Map.class)).containsEntry("format", "opaque");
		assertThat(JSON.valueToTree(events(change).get(CaepEvents.CREDENTIAL_CHANGE)).toString())
			.contains("\"credential_type\":\"password\"", "\"change_type\":\"update\"", "\"event_timestamp\":");
		assertThat(tokens).anySatisfy(jws -> assertThat(events(jws)).containsKey(CaepEvents.SESSION_REVOKED));
	}

	@Test
	void aReceiverThatHangsSlowsNeitherRequestsNorTheOtherReceivers() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		HOOK.hold();
		long took;
		try {
			requestReset(account);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> forAccount(HOOK, account, "RESET_REQUESTED"), list -> !list.isEmpty());
			String token = Mailbox.token(mailbox.await(account.email(), 1).get(0));
			long started = System.nanoTime();
			assertThat(post("/api/v1/password-resets/complete",
					"{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}")
				.statusCode()).isEqualTo(204);
			took = (System.nanoTime() - started) / 1_000_000;
			await().atMost(Duration.ofSeconds(20))
				.until(() -> SETS.received()
					.stream()
					.anyMatch(received -> subjectOf(received.body()).equals(account.id().toString())));
			assertThat(forAccount(HOOK, account, "PASSWORD_CHANGED")).as("waits behind the held event").isEmpty();
		}
		finally {
			HOOK.release();
		}
		// Waiting for the receiver would take its read timeout (10 s) at least.
		assertThat(took).as("ms to change the password while a receiver hangs").isLessThan(5000);
		System.out.printf("Password change answered in %d ms while a webhook receiver hung%n", took);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> forAccount(HOOK, account, "SESSIONS_REVOKED"), list -> !list.isEmpty());
		assertThat(forAccount(HOOK, account, "PASSWORD_CHANGED")).hasSize(1);
	}

	@Test
	void aReceiverThatAlwaysFailsGetsADeadLetterAuditedAndTheOtherWebhookStillReceives() {
		Account account = TestAccounts.create(accountService, Language.EN);
		requestReset(account);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> forAccount(HOOK, account, "RESET_REQUESTED"), list -> list.size() == 1);
		AuditEvent failed = await().atMost(Duration.ofSeconds(20))
			.until(() -> trail.recentForAccount(account.id(), 50)
				.stream()
				.filter(event -> event.type() == AuditEventType.SECURITY_EVENT_FAILED)
				.toList(), list -> list.size() == 1)
			.get(0);

		List<Received> attempts = forAccount(FAILING, account, "RESET_REQUESTED");
		assertThat(attempts).hasSize(3);
		assertThat(attempts.stream().map(attempt -> attempt.header("webhook-id")).distinct()).hasSize(1);
		assertThat(failed.details().text("receiver")).isEqualTo("webhooks[1]");
		assertThat(failed.details().text("eventType")).isEqualTo("RESET_REQUESTED");
		assertThat(failed.details().text("lastError")).isEqualTo("status 500");
		assertThat(failed.details().text("attempts")).isEqualTo("3");
		assertThat(meters.counter("security.events", "receiver", "webhooks[1]", "result", "failed").count())
			.isPositive();
		assertThat(meters.counter("security.events", "receiver", "webhooks[1]", "result", "retried").count())
			.isGreaterThanOrEqualTo(2);
		assertThat(meters.counter("security.events", "receiver", "webhooks[0]", "result", "delivered").count())
			.isPositive();
		assertThat(deadLetters.count(Target.keyOf("webhook", URI.create(FAILING.url("/broken"))))).isPositive();
	}

	@Test
	void everyEventArrivesAfterTheReceiverWasDownForThirtySeconds() {
		List<Account> accounts = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			accounts.add(TestAccounts.create(accountService, Language.EN));
		}
		Set<String> ids = accounts.stream().map(account -> account.id().toString()).collect(Collectors.toSet());
		HOOK.stop();
		Instant down = Instant.now();
		try {
			for (int i = 0; i < 3; i++) {
				requestReset(accounts.get(i));
			}
			await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).until(() -> resetsFor(ids).isEmpty());
			for (int i = 3; i < 6; i++) {
				requestReset(accounts.get(i));
			}
			await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).until(() -> resetsFor(ids).isEmpty());
		}
		finally {
			HOOK.restart();
		}
		assertThat(Duration.between(down, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));

		List<Received> arrived = await().atMost(Duration.ofSeconds(30))
			.until(() -> resetsFor(ids), list -> list.stream().map(this::accountOf).distinct().count() == 6);

		// At least once: a copy is allowed only with the same webhook-id; first copies in
		// the order of the trail.
		Map<String, Set<String>> idsByEvent = arrived.stream()
			.collect(Collectors.groupingBy(received -> json(received).get("eventId").asString(),
					Collectors.mapping(received -> received.header("webhook-id"), Collectors.toSet())));
		assertThat(idsByEvent).hasSize(6).allSatisfy((event, webhookIds) -> assertThat(webhookIds).hasSize(1));
		List<Long> order = arrived.stream().map(received -> json(received).get("eventId").asLong()).distinct().toList();
		assertThat(order).isSorted();
		System.out.printf("Receiver down %d s: %d events, %d requests after it came back (%d duplicates)%n",
				Duration.between(down, Instant.now()).toSeconds(), idsByEvent.size(), arrived.size(),
				arrived.size() - idsByEvent.size());
	}

	private List<Received> resetsFor(Set<String> accountIds) {
		return HOOK.received()
			.stream()
			.filter(received -> "RESET_REQUESTED".equals(json(received).get("type").asString())
					&& accountIds.contains(accountOf(received)))
			.toList();
	}

	private String accountOf(Received received) {
		return json(received).get("accountId").asString();
	}

	private static List<Received> forAccount(TestReceiver receiver, Account account, String type) {
		return receiver.received()
			.stream()
			.filter(received -> received.header("Content-Type").startsWith("application/json"))
			.filter(received -> type.equals(json(received).get("type").asString())
					&& account.id().toString().equals(json(received).get("accountId").asString()))
			.toList();
	}

	private static JsonNode json(Received received) {
		return JSON.readTree(received.body());
	}

	// The subject of a token read without checking it (the test that checks it is above).
	private static String subjectOf(String jwt) {
		String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		return JSON.readTree(payload).get("sub_id").get("id").asString();
	}

	private static String subject(Jws<Claims> jws) {
		return String.valueOf(jws.getPayload().get("sub_id", Map.class).get("id"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> events(Jws<Claims> jws) {
		return jws.getPayload().get("events", Map.class);
	}

	private void requestReset(Account account) {
		try {
			assertThat(post("/api/v1/password-resets", "{\"email\":\"" + account.email() + "\"}").statusCode())
				.isEqualTo(202);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String changePassword(Account account) throws Exception {
		int before = mailbox.to(account.email()).size();
		requestReset(account);
		String token = Mailbox.token(mailbox.await(account.email(), before + 1).get(before));
		assertThat(post("/api/v1/password-resets/complete",
				"{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}")
			.statusCode()).isEqualTo(204);
		return token;
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
