package org.accountsecurity.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.accountsecurity.requester.Pseudonyms;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parallel wrong passwords for one address: each attempt is counted before BCrypt runs,
 * so at most the limit (10) are checked, by form and by HTTP Basic alike; then the right
 * password is refused until the window ends, and works after it.
 */
class SignInThrottleIntegrationTests extends IntegrationTest {

	static final int LIMIT = 10;

	static final int GUESSES = 100;

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	Pseudonyms pseudonyms;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void parallelWrongPasswordsOnTheFormReachBcryptAtMostTheLimit() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = new WebClient(port);
		browser.get("/login");
		double checksBefore = bcryptChecks();

		List<String> answers = Race.run(GUESSES,
				i -> location(browser.post("/login", Map.of("username", account.email(), "password", "guess " + i))));

		assertThat(bcryptChecks() - checksBefore).isLessThanOrEqualTo(LIMIT);
		assertThat(failures(account, "bad_credentials")).isEqualTo(LIMIT);
		assertThat(failures(account, "throttled")).isEqualTo(GUESSES - LIMIT);
		assertThat(answers).filteredOn(l -> l.endsWith("/login?error")).hasSize(LIMIT);
		assertThat(answers).filteredOn(l -> l.endsWith("/login?throttled")).hasSize(GUESSES - LIMIT);

		assertThat(location(new WebClient(port).signIn(account.email(), TestAccounts.PASSWORD)))
			.endsWith("/login?throttled");
		endWindow(account);
		assertThat(location(new WebClient(port).signIn(account.email(), TestAccounts.PASSWORD))).endsWith("/account");
	}

	@Test
	void parallelWrongPasswordsOverHttpBasicReachBcryptAtMostTheLimit() {
		Account account = TestAccounts.create(accountService, Language.EN);
		double checksBefore = bcryptChecks();

		List<Integer> answers = Race.run(GUESSES,
				i -> basic(i % 2 == 0 ? "/api/v1/audit-events" : "/actuator/prometheus", account.email(), "guess " + i)
					.statusCode());

		assertThat(answers).containsOnly(401);
		assertThat(bcryptChecks() - checksBefore).isLessThanOrEqualTo(LIMIT);
		assertThat(failures(account, "bad_credentials")).isEqualTo(LIMIT);
		assertThat(failures(account, "throttled")).isEqualTo(GUESSES - LIMIT);

		// The right password is refused (401, not the 403 of a user who is no operator)
		// until the window ends.
		assertThat(basic("/api/v1/audit-events", account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
		assertThat(basic("/actuator/prometheus", account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
		endWindow(account);
		assertThat(basic("/api/v1/audit-events", account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(403);
		assertThat(basic("/actuator/prometheus", account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(403);
	}

	@Test
	void goodPasswordsGiveTheirPlaceBack() {
		Account account = TestAccounts.create(accountService, Language.EN);
		for (int i = 0; i < LIMIT + 5; i++) {
			assertThat(basic("/api/v1/audit-events", account.email(), TestAccounts.PASSWORD).statusCode())
				.isEqualTo(403);
		}
		for (int i = 0; i < LIMIT - 1; i++) {
			basic("/api/v1/audit-events", account.email(), "guess " + i);
		}
		assertThat(location(new WebClient(port).signIn(account.email(), TestAccounts.PASSWORD))).endsWith("/account");
	}

	/** The window ends: its counter expires in Redis. */
	private void endWindow(Account account) {
		assertThat(redis.delete("rl:signin-account:{" + pseudonyms.ofEmail(account.email()) + "}")).isTrue();
	}

	private double bcryptChecks() {
		return meters.get("password.bcrypt").tag("operation", "verify").timer().count();
	}

	private long failures(Account account, String reason) {
		return jdbc
			.sql("select count(*) from audit_event where type = 'SIGN_IN_FAILED' and account_id = ? and reason = ?")
			.param(account.id())
			.param(reason)
			.query(Long.class)
			.single();
	}

	private HttpResponse<String> basic(String path, String user, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Basic " + credentials)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

}
