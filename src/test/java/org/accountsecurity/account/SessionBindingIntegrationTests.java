package org.accountsecurity.account;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.accountsecurity.account.Account.Role;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.RequestOrigin;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.TestClock;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository.RedisSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions are bound to the credential version they were signed in with and to a maximum
 * age: a sign-in that checked the old password while a reset committed, or one signed in
 * before an e-mail change, is refused on its next request.
 */
class SessionBindingIntegrationTests extends IntegrationTest {

	static final String NEW_PASSWORD = "a brand new passphrase for the harbour";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	AccountUserDetailsService users;

	@Autowired
	AccountEmailService emails;

	@Autowired
	Accounts accounts;

	@Autowired
	RedisIndexedSessionRepository sessions;

	@Autowired
	Mailbox mailbox;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void signInsRacingAResetLeaveNoSessionThatReachesTheAccount() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		String token = requestResetToken(account);
		int browsers = 6;
		CyclicBarrier start = new CyclicBarrier(browsers + 1);
		CountDownLatch signedInOnce = new CountDownLatch(1);
		List<WebClient> obtained = new CopyOnWriteArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(browsers + 1);
		try {
			for (int i = 0; i < browsers; i++) {
				pool.submit(() -> {
					start.await();
					// Sign in with the old password again and again, until it is refused:
					// the attempts in flight when the reset commits are the ones that
					// race
					// it.
					for (int attempt = 0; attempt < 40; attempt++) {
						WebClient browser = new WebClient(port);
						String to = browser.signIn(account.email(), TestAccounts.PASSWORD)
							.headers()
							.firstValue("Location")
							.orElse("");
						if (!to.endsWith("/account")) {
							return null;
						}
						obtained.add(browser);
						signedInOnce.countDown();
					}
					return null;
				});
			}
			Future<Integer> reset = pool.submit(() -> {
				start.await();
				signedInOnce.await(30, TimeUnit.SECONDS);
				return postJson("/api/v1/password-resets/complete",
						"{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}")
					.statusCode();
			});
			assertThat(reset.get(60, TimeUnit.SECONDS)).isEqualTo(204);
			pool.shutdown();
			assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(obtained).isNotEmpty();
		assertThat(obtained.stream().map(browser -> browser.get("/account").statusCode()))
			.as("sessions obtained with the old password that still reach /account")
			.containsOnly(302);
	}

	@Test
	void aSessionSavedAfterAPasswordChangeWithTheOldVersionIsSignedOut() {
		Account account = TestAccounts.create(accountService, Language.EN);
		// What a sign-in holds once it checked the old password, before the change
		// commits.
		AccountUser checkedBefore = (AccountUser) users.loadUserByUsername(account.email());
		accounts.changePassword(account.id(), "{bcrypt-sha256}$2b$10$newer", clock.instant());
		String session = saveSession(checkedBefore);

		HttpResponse<String> page = get("/account", session, "text/html");

		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(sessions.findById(decode(session))).isNull();
	}

	@Test
	void aStaleSessionOnTheApiGetsThe401Problem() {
		Account operator = accountService.create(new NewAccount("op-" + UUID.randomUUID() + "@example.test",
				"Olga Operator", Language.EN, TestAccounts.PASSWORD, Set.of(Role.OPERATOR)), AuditEntry.SYSTEM,
				RequestOrigin.SYSTEM);
		AccountUser checkedBefore = (AccountUser) users.loadUserByUsername(operator.email());
		String current = saveSession((AccountUser) users.loadUserByUsername(operator.email()));
		assertThat(get("/api/v1/audit-events", current, "application/json").statusCode()).isEqualTo(200);
		accounts.changePassword(operator.id(), "{bcrypt-sha256}$2b$10$newer", clock.instant());
		String stale = saveSession(checkedBefore);

		HttpResponse<String> answer = get("/api/v1/audit-events", stale, "application/json");

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void aSessionSignedInBeforeAConfirmedEmailChangeIsSignedOut() {
		Account account = TestAccounts.create(accountService, Language.EN);
		AccountUser checkedBefore = (AccountUser) users.loadUserByUsername(account.email());
		assertThat(emails.change(account.id(), "moved-" + UUID.randomUUID() + "@example.test",
				account.credentialVersion(), "confirmed", RequestOrigin.SYSTEM))
			.hasValueSatisfying(
					changed -> assertThat(changed.credentialVersion()).isEqualTo(account.credentialVersion() + 1));
		String session = saveSession(checkedBefore);

		assertThat(get("/account", session, "text/html").statusCode()).isEqualTo(302);
	}

	@Test
	void anEmailChangeRequestedBeforeAPasswordChangeIsNotStored() {
		Account account = TestAccounts.create(accountService, Language.EN);
		accounts.changePassword(account.id(), "{bcrypt-sha256}$2b$10$newer", clock.instant());

		assertThat(emails.change(account.id(), "late-" + UUID.randomUUID() + "@example.test",
				account.credentialVersion(), "confirmed", RequestOrigin.SYSTEM))
			.isEmpty();
		assertThat(accounts.findById(account.id()).orElseThrow().email()).isEqualTo(account.email());
	}

	@Test
	void aSessionEndsAtItsMaximumAgeHoweverActive() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = new WebClient(port);
		browser.signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);
		clock.advance(Duration.ofHours(12).minusMinutes(1));
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);

		clock.advance(Duration.ofMinutes(1));

		HttpResponse<String> expired = browser.get("/account");
		assertThat(expired.statusCode()).isEqualTo(302);
		assertThat(expired.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		clock.reset();
		assertThat(browser.get("/account").statusCode()).as("the session itself ended").isEqualTo(302);
	}

	@Test
	void anUpgradedHashNeverOverwritesANewerPassword() {
		Account account = TestAccounts.create(accountService, Language.EN);
		AccountUser checkedBefore = (AccountUser) users.loadUserByUsername(account.email());
		accounts.changePassword(account.id(), "{bcrypt-sha256}$2b$10$newer", clock.instant());

		users.updatePassword(checkedBefore, "{bcrypt-sha256}$2b$12$upgraded-old-password");

		assertThat(accounts.findById(account.id()).orElseThrow().passwordHash())
			.isEqualTo("{bcrypt-sha256}$2b$10$newer");
		AccountUser current = (AccountUser) users.loadUserByUsername(account.email());
		users.updatePassword(current, "{bcrypt-sha256}$2b$12$upgraded");
		assertThat(accounts.findById(account.id()).orElseThrow().passwordHash())
			.isEqualTo("{bcrypt-sha256}$2b$12$upgraded");
	}

	// A session as the sign-in would save it, holding the given principal; returns the
	// cookie value.
	private String saveSession(AccountUser user) {
		user.eraseCredentials();
		RedisSession session = sessions.createSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
		sessions.save(session);
		return Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String cookie) {
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	private HttpResponse<String> get(String path, String sessionCookie, String accept) {
		return new WebClient(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", "SESSION=" + sessionCookie)
			.header("Accept", accept)
			.GET()
			.build());
	}

	private String requestResetToken(Account account) {
		postJson("/api/v1/password-resets", "{\"email\":\"" + account.email() + "\"}");
		return Mailbox.token(mailbox.await(account.email(), 1).get(0));
	}

	private HttpResponse<String> postJson(String path, String json) {
		return new WebClient(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

}
