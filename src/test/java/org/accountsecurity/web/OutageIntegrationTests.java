package org.accountsecurity.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

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

}
