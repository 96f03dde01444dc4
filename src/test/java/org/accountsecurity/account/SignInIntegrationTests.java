package org.accountsecurity.account;

import java.net.http.HttpResponse;
import java.util.Map;

import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class SignInIntegrationTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accountService;

	@Test
	void demoUserSignsInAndSeesTheAccountMenu() {
		WebClient browser = new WebClient(port);
		HttpResponse<String> signIn = browser.signIn("ada@example.com", "silver maple river 42");
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account"));

		HttpResponse<String> details = browser.get("/account");
		assertThat(details.statusCode()).isEqualTo(200);
		assertThat(details.body()).contains("Ada Lovelace", "Account details", "id=\"reset-password\"", "Sign out");
		assertThat(details.body()).doesNotContain("Audit log");
	}

	@Test
	void operatorSeesTheAuditLogEntry() {
		WebClient browser = new WebClient(port);
		browser.signIn("operator@example.com", "audit trail keeper 2026");
		assertThat(browser.get("/account").body()).contains("Audit log");
	}

	@Test
	void unknownAddressAndWrongPasswordGetTheSameAnswer() {
		HttpResponse<String> wrong = new WebClient(port).signIn("jonas@example.com", "not the password at all");
		HttpResponse<String> unknown = new WebClient(port).signIn("nobody@example.com", "not the password at all");
		assertThat(wrong.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(302);
		assertThat(wrong.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
		assertThat(wrong.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
	}

	@Test
	void anonymousPagesCreateNoSession() {
		WebClient browser = new WebClient(port);
		assertThat(sessionCookie(browser.get("/login"))).isNull();
		assertThat(sessionCookie(browser.get("/password/forgot"))).isNull();
	}

	@Test
	void signInRenewsTheSessionIdAndKeepsTheSessionInRedis() {
		WebClient browser = new WebClient(port);
		// A protected page remembers where the person was going in a cookie, not a
		// session: a session id exists before sign-in only when a session does, as after
		// an earlier sign-in in the same browser.
		assertThat(sessionCookie(browser.get("/account"))).isNull();
		String before = sessionCookie(browser.signIn("ada@example.com", "silver maple river 42"));
		browser.get("/login");
		HttpResponse<String> signIn = browser.post("/login",
				Map.of("username", "zofia@example.com", "password", "żółty rower nad Wisłą"));
		String after = sessionCookie(signIn);
		assertThat(before).isNotNull();
		assertThat(after).isNotNull().isNotEqualTo(before);
		assertThat(signIn.headers().allValues("Set-Cookie"))
			.anySatisfy(c -> assertThat(c).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
		assertThat(redis.keys("ass:session:sessions:*")).isNotEmpty();
	}

	@Test
	void signInsAreAudited() {
		long before = count("SIGN_IN_SUCCEEDED");
		long failedBefore = count("SIGN_IN_FAILED");
		new WebClient(port).signIn("ada@example.com", "silver maple river 42");
		new WebClient(port).signIn("ada@example.com", "wrong password, clearly");
		assertThat(count("SIGN_IN_SUCCEEDED")).isEqualTo(before + 1);
		assertThat(count("SIGN_IN_FAILED")).isEqualTo(failedBefore + 1);
	}

	@Test
	void pagesCarryTheSecurityHeaders() {
		HttpResponse<String> login = new WebClient(port).get("/login");
		assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"));
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(login.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(c -> assertThat(c).contains("no-store"));
		assertThat(login.headers().firstValue("X-Request-Id")).isPresent();
	}

	@Test
	void repeatedFailuresAreThrottledAlikeForKnownAndUnknownAddressesWithoutLockingTheAccount() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String unknown = "ghost-" + account.id() + "@example.test";
		for (int i = 0; i < 10; i++) {
			new WebClient(port).signIn(account.email(), "wrong password number " + i);
			new WebClient(port).signIn(unknown, "wrong password number " + i);
		}
		String known = new WebClient(port).signIn(account.email(), TestAccounts.PASSWORD)
			.headers()
			.firstValue("Location")
			.orElse("");
		String ghost = new WebClient(port).signIn(unknown, "anything at all here")
			.headers()
			.firstValue("Location")
			.orElse("");
		assertThat(known).endsWith("/login?throttled");
		assertThat(ghost).endsWith("/login?throttled");
		// The reset path stays open for a throttled account (NIST 800-63B: no lockout of
		// recovery).
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		assertThat(browser.post("/password/forgot", Map.of("email", account.email())).statusCode()).isEqualTo(200);
	}

	@Test
	void signOutEverywhereElseEndsTheOtherSessionsOnly() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient laptop = new WebClient(port);
		WebClient phone = new WebClient(port);
		laptop.signIn(account.email(), TestAccounts.PASSWORD);
		phone.signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(laptop.get("/account").body()).contains("id=\"active-sessions\">2<");
		laptop.post("/account/sessions/end-others", Map.of());
		assertThat(laptop.get("/account").statusCode()).isEqualTo(200);
		assertThat(phone.get("/account").statusCode()).isEqualTo(302);
		assertThat(
				jdbc.sql("select reason, details from audit_event where account_id = ? and type = 'SESSIONS_REVOKED'")
					.param(account.id())
					.query()
					.singleRow())
			.containsEntry("reason", "sign_out_everywhere_else")
			.containsEntry("details", "{\"count\":1}");
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		HttpResponse<String> forged = new WebClient(port).send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + "/password/forgot"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Origin", "https://evil.test")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("email=ada%40example.com"))
			.build());
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	private long count(String type) {
		return jdbc.sql("select count(*) from audit_event where type = ?").param(type).query(Long.class).single();
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("SESSION="))
			.map(c -> c.substring(8, c.indexOf(';')))
			.findFirst()
			.orElse(null);
	}

}
