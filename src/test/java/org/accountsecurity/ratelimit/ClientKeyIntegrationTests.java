package org.accountsecurity.ratelimit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.SeparateIntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every per-client limit keys an IPv6 client by its /64: rotating addresses inside it
 * earns no fresh limit. The client address comes from {@code X-Forwarded-For}, set by a
 * test that plays the trusted proxy on the loopback.
 */
class ClientKeyIntegrationTests extends SeparateIntegrationTest {

	static final int LIMIT = 3;

	@DynamicPropertySource
	static void behindAProxy(DynamicPropertyRegistry registry) {
		registry.add("server.forward-headers-strategy", () -> "native");
		registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
		registry.add("app.sign-in.per-client-limit.requests", () -> LIMIT);
		registry.add("app.reset.per-client-limit.requests", () -> LIMIT);
		registry.add("app.reset.link-check-limit.requests", () -> LIMIT);
	}

	@Autowired
	AccountService accountService;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void failedSignInsFromOneSlash64ThrottleTheWholeSlash64() {
		Account account = TestAccounts.create(accountService, Language.EN);
		for (int i = 1; i <= LIMIT; i++) {
			signIn("2001:db8:a:1::" + i, "ghost-" + i + "-" + account.id() + "@example.test", "wrong password");
		}
		// The right password of a user who is no operator: 403 when checked, 401 when
		// throttled.
		assertThat(signIn("2001:db8:a:1:ffff::9", account.email(), TestAccounts.PASSWORD)).isEqualTo(401);
		assertThat(signIn("2001:db8:a:2::1", account.email(), TestAccounts.PASSWORD)).isEqualTo(403);
	}

	@Test
	void resetRequestsFromOneSlash64ShareTheClientLimit() {
		for (int i = 1; i <= LIMIT; i++) {
			assertThat(post("2001:db8:b:1::" + i, "/api/v1/password-resets", "{\"email\":\"nobody@example.test\"}"))
				.isEqualTo(202);
		}
		assertThat(post("2001:db8:b:1:1234::1", "/api/v1/password-resets", "{\"email\":\"nobody@example.test\"}"))
			.isEqualTo(429);
		assertThat(post("2001:db8:b:2::1", "/api/v1/password-resets", "{\"email\":\"nobody@example.test\"}"))
			.isEqualTo(202);
	}

	@Test
	void linkChecksFromOneSlash64ShareTheClientLimit() {
		for (int i = 1; i <= LIMIT; i++) {
			assertThat(post("2001:db8:c:1::" + i, "/api/v1/password-resets/verify", "{\"token\":\"guess" + i + "\"}"))
				.isNotEqualTo(429);
		}
		assertThat(post("2001:db8:c:1::ff", "/api/v1/password-resets/verify", "{\"token\":\"guess\"}")).isEqualTo(429);
		assertThat(post("2001:db8:c:2::1", "/api/v1/password-resets/verify", "{\"token\":\"guess\"}"))
			.isNotEqualTo(429);
	}

	@Test
	void ipv4ClientsKeepTheirOwnLimit() {
		for (int i = 1; i <= LIMIT; i++) {
			post("192.0.2.1", "/api/v1/password-resets", "{\"email\":\"nobody@example.test\"}");
		}
		assertThat(post("192.0.2.1", "/api/v1/password-resets", "{\"email\":\"nobody@example.test\"}")).isEqualTo(429);
		assertThat(post("192.0.2.2", "/api/v1/password-resets", "{\"email\":\"nobody@example.test\"}")).isEqualTo(202);
	}

	private int signIn(String client, String user, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return send(request(client, "/api/v1/audit-events").header("Authorization", "Basic " + credentials).GET());
	}

	private int post(String client, String path, String json) {
		return send(request(client, path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpRequest.Builder request(String client, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Forwarded-For", client);
	}

	private int send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
