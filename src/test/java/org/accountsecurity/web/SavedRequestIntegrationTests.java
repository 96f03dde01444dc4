package org.accountsecurity.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous requests for protected URLs store nothing in Redis: where a visitor was going
 * lives in a cookie (pages) or nowhere (API), and sign-in still leads there.
 */
class SavedRequestIntegrationTests extends IntegrationTest {

	private static final List<String> PROTECTED = List.of("/account", "/operator/audit", "/api/v1/audit-events");

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void anonymousRequestsForProtectedUrlsCreateNoSession() {
		Set<String> before = redis.keys("ass:session:*");
		for (int i = 0; i < 10; i++) {
			for (String path : PROTECTED) {
				WebClient anonymous = new WebClient(port);
				HttpResponse<String> page = anonymous.get(path + "?n=" + i);
				HttpResponse<String> json = anonymous.send(HttpRequest.newBuilder(URI.create(anonymous.base() + path))
					.header("Accept", "application/json")
					.GET()
					.build());
				assertThat(List.of(page, json)).allSatisfy(response -> {
					assertThat(response.statusCode()).as(path).isIn(302, 401);
					assertThat(response.headers().allValues("Set-Cookie")).as(path)
						.noneMatch(c -> c.startsWith("SESSION="));
				});
			}
		}
		assertThat(redis.keys("ass:session:*")).as("session keys in Redis").isEqualTo(before);
	}

	@Test
	void signInLeadsToThePageAskedForAndOnlyToALocalOne() {
		WebClient browser = new WebClient(port);
		HttpResponse<String> asked = browser.get("/operator/audit?type=SIGN_IN_FAILED");
		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(asked.headers().allValues("Set-Cookie"))
			.anySatisfy(c -> assertThat(c).startsWith("REDIRECT_URI=").contains("HttpOnly", "SameSite=Lax"));
		// Asked again before signing in: still the sign-in page (no replayed request
		// without its Accept header, which would get HTTP Basic's 401).
		HttpResponse<String> again = browser.get("/operator/audit?type=SIGN_IN_FAILED");
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

		HttpResponse<String> signIn = browser.signIn("operator@example.com", "audit trail keeper 2026");

		assertThat(signIn.headers().firstValue("Location"))
			.hasValue(browser.base() + "/operator/audit?type=SIGN_IN_FAILED");
		assertThat(browser.get("/operator/audit?type=SIGN_IN_FAILED").statusCode()).isEqualTo(200);
	}

	@Test
	void theApiRemembersNothing() {
		WebClient program = new WebClient(port);
		HttpResponse<String> refused = program.get("/api/v1/audit-events");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("REDIRECT_URI="));
	}

}
