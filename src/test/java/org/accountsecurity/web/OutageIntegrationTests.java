package org.accountsecurity.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.SeparateIntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis down, people get a clear 503 (page or problem), nothing half-done, and
 * recovery by itself.
 */
class OutageIntegrationTests extends SeparateIntegrationTest {

	@Autowired
	RedisServer redis;

	@Autowired
	AccountService accounts;

	@Test
	void redisDownGivesA503AndTheServiceRecoversWhenItIsBack() throws Exception {
		var account = TestAccounts.create(accounts, Language.EN);
		WebClient browser = new WebClient(port);
		assertThat(browser.get("/password/forgot").statusCode()).isEqualTo(200);
		redis.stop();
		try {
			HttpResponse<String> page = browser.post("/password/forgot", Map.of("email", account.email()));
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.body()).doesNotContain("Exception", "at org.", "redis", "Jedis");

			HttpResponse<String> api = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/password-resets"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + account.email() + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.body()).contains("unavailable").doesNotContain("Exception", "Jedis");
		}
		finally {
			redis.start();
		}
		WebClient again = new WebClient(port);
		again.get("/password/forgot");
		assertThat(again.post("/password/forgot", Map.of("email", account.email())).statusCode()).isEqualTo(200);
	}

	@Test
	void afterARedisRestartNoPooledConnectionGivesA503() throws Exception {
		// Parallel requests leave several connections in the pool; the restart kills
		// them all while they lie idle.
		assertThat(resetRequests(8, 8)).containsOnly(202);
		redis.stop();
		redis.start();
		assertThat(resetRequests(50, 5)).hasSize(50).containsOnly(202);
	}

	private List<Integer> resetRequests(int count, int threads) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String body = "{\"email\":\"ghost-" + UUID.randomUUID() + "@example.test\"}";
				answers.add(pool.submit(
						() -> http
							.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/password-resets"))
								.header("Content-Type", "application/json")
								.POST(HttpRequest.BodyPublishers.ofString(body))
								.build(), HttpResponse.BodyHandlers.discarding())
							.statusCode()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
			return statuses;
		}
		finally {
			pool.shutdown();
		}
	}

}
