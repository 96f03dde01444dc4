package org.accountsecurity.passwordreset;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reset flow for programs: the endpoints of docs/flows.md (JSON API) and their
 * problems.
 */
class ResetApiIntegrationTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Outbox outbox;

	@Autowired
	StringRedisTemplate redis;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void requestsAreAcceptedAlikeForKnownAndUnknownAddresses() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		HttpResponse<String> known = post("/api/v1/password-resets", "{\"email\":\"" + account.email() + "\"}");
		HttpResponse<String> unknown = post("/api/v1/password-resets",
				"{\"email\":\"ghost-" + account.id() + "@example.test\"}");
		assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(202);
		assertThat(known.body()).isEqualTo(unknown.body());
		mailbox.await(account.email(), 1);
	}

	@Test
	void anythingButOneStringAddressIsA400() throws Exception {
		for (String body : List.of("{\"email\":[\"a@example.test\",\"b@example.test\"]}", "{\"email\":{\"a\":1}}",
				"{\"email\":42}", "{\"email\":null}", "{}", "[]",
				"{\"email\":\"a@example.test\",\"email\":\"b@example.test\"}",
				"{\"email\":\"victim@example.test\\r\\nBcc: attacker@example.test\"}", "not json")) {
			HttpResponse<String> response = post("/api/v1/password-resets", body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.body()).as(body).doesNotContain("Exception", "at org.", "tools.jackson");
		}
	}

	@Test
	void aMegabyteBodyIsRefusedBeforeAnyParsing() throws Exception {
		String huge = "{\"token\":\"x\",\"newPassword\":\"" + "a".repeat(1024 * 1024) + "\"}";
		long started = System.nanoTime();
		HttpResponse<String> response = post("/api/v1/password-resets/complete", huge);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
	}

	@Test
	void aFormBodyIsRefusedAsTheWrongContentType() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/password-resets"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=a@example.test"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(415);
	}

	@Test
	void verifyThenCompleteThenTheTokenIsUsed() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		String token = requestToken(account);
		HttpResponse<String> verified = post("/api/v1/password-resets/verify", "{\"token\":\"" + token + "\"}");
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(verified.body()).contains("\"valid\":true", "expiresAt");

		HttpResponse<String> weak = post("/api/v1/password-resets/complete",
				"{\"token\":\"" + token + "\",\"newPassword\":\"short\"}");
		assertThat(weak.statusCode()).isEqualTo(422);
		assertThat(weak.body()).contains("violations", "too-short");

		assertThat(post("/api/v1/password-resets/complete",
				"{\"token\":\"" + token + "\",\"newPassword\":\"" + ResetFlowIntegrationTests.NEW_PASSWORD + "\"}")
			.statusCode()).isEqualTo(204);
		HttpResponse<String> again = post("/api/v1/password-resets/complete",
				"{\"token\":\"" + token + "\",\"newPassword\":\"yet another passphrase here\"}");
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(again.body()).contains("\"reason\":\"used\"");
	}

	@Test
	void twentyConcurrentSubmissionsOfOneTokenChangeThePasswordOnce() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		String token = requestToken(account);
		int before = mailbox.to(account.email()).size();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String password = "concurrent passphrase number " + i;
			results.add(pool.submit(() -> {
				start.await();
				return post("/api/v1/password-resets/complete",
						"{\"token\":\"" + token + "\",\"newPassword\":\"" + password + "\"}")
					.statusCode();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> result : results) {
			statuses.add(result.get());
		}
		pool.shutdown();
		assertThat(statuses).containsOnly(204, 410);
		assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
		await().until(() -> mailbox.to(account.email()).size() >= before + 1);
		outbox.awaitDrained(); // a wrong second notice would have arrived by now
		assertThat(mailbox.to(account.email())).hasSize(before + 1);
	}

	@Test
	void redisNeverHoldsTheTokenOrItsRandomId() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		String token = requestToken(account);
		assertThat(post("/api/v1/password-resets/verify", "{\"token\":\"" + token + "\"}").statusCode()).isEqualTo(200);
		// Opening the link in a browser puts the checked link into the Redis-backed
		// session.
		assertThat(new org.accountsecurity.support.WebClient(port).get("/password/reset?token=" + token).statusCode())
			.isEqualTo(303);
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		String randomId = payload.replaceAll(".*\"jti\":\"([^\"]+)\".*", "$1");
		assertThat(randomId).hasSizeGreaterThanOrEqualTo(22);
		List<String> everything = new ArrayList<>();
		for (String key : redis.keys("*")) {
			everything.add(key);
			switch (redis.type(key)) {
				case STRING -> everything.add(redis.opsForValue().get(key));
				case HASH ->
					redis.<String, String>opsForHash().entries(key).forEach((k, v) -> everything.add(k + "=" + v));
				default -> {
				}
			}
		}
		assertThat(everything).isNotEmpty().noneMatch(v -> v != null && (v.contains(token) || v.contains(randomId)));
	}

	@Test
	void tamperedAndUnsignedTokensAreInvalid() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		String token = requestToken(account);
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String otherPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(payload.replace("\"cv\":1", "\"cv\":2").getBytes(StandardCharsets.UTF_8));
		String tampered = parts[0] + "." + otherPayload + "." + parts[2];
		String none = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\",\"kid\":\"test\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1]
				+ ".";
		for (String bad : List.of(tampered, none, "", "   ", "*", "?", "x".repeat(10_000), "ž.ž.ž")) {
			HttpResponse<String> response = post("/api/v1/password-resets/verify", "{\"token\":\"" + bad + "\"}");
			assertThat(response.statusCode()).as(bad.length() > 20 ? bad.substring(0, 20) : bad).isEqualTo(400);
			assertThat(response.body()).contains("\"reason\":\"invalid\"");
		}
		assertThat(post("/api/v1/password-resets/verify", "{\"token\":[\"a\"]}").statusCode()).isEqualTo(400);
	}

	@Test
	void aLongButEasyToGuessPasswordIsRefusedWithItsReasonAndTheLinkStaysValid() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		String token = requestToken(account);

		HttpResponse<String> guessable = post("/api/v1/password-resets/complete",
				"{\"token\":\"" + token + "\",\"newPassword\":\"passwordpassword\"}");

		assertThat(guessable.statusCode()).isEqualTo(422);
		assertThat(guessable.body()).contains("easy-to-guess", "unrelated words").doesNotContain("passwordpassword");
		assertThat(post("/api/v1/password-resets/verify", "{\"token\":\"" + token + "\"}").body())
			.contains("\"valid\":true");
	}

	private String requestToken(Account account) throws Exception {
		int before = mailbox.to(account.email()).size();
		post("/api/v1/password-resets", "{\"email\":\"" + account.email() + "\"}");
		return Mailbox.token(mailbox.await(account.email(), before + 1).get(before));
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
