package org.accountsecurity.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Authenticator;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.RedisMonitor;
import org.accountsecurity.support.RedisProcess;
import org.accountsecurity.support.SeparateIntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.TestClock;
import org.accountsecurity.support.TestRedisCluster;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on a real three-primary Redis Cluster ({@code
 * spring.data.redis.cluster.nodes}): both resets, the link's open and consume, the race
 * of parallel submissions, limits, sessions (ended, and expired on whichever node holds
 * them), the outbox and the second factor's replay keys. Every script names every key it
 * touches, watched on every node.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RedisClusterIntegrationTests extends SeparateIntegrationTest {

	static final TestRedisCluster CLUSTER = TestRedisCluster.start();

	static final String NEW_PASSWORD = "a brand new lantern by the sea";

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.cluster.nodes", CLUSTER::nodesSetting);
	}

	@AfterAll
	static void stopCluster() {
		CLUSTER.close();
	}

	@Autowired
	AccountService accounts;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Outbox outbox;

	@Autowired
	TestClock clock;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Test
	void bothResetsOpenAndConsumeTheirLinksAndEndEverySessionWithEveryScriptKeyDeclared() {
		Account account = TestAccounts.create(accounts, Language.EN);
		List<String> undeclared = RedisMonitor.undeclaredScriptKeys(ports(), () -> {
			WebClient other = signedIn(account, TestAccounts.PASSWORD);
			WebClient person = new WebClient(port);
			person.get("/password/forgot");
			assertThat(person.post("/password/forgot", Map.of("email", account.email())).statusCode()).isEqualTo(200);
			String link = Mailbox.link(mailbox.await(account.email(), 1).get(0), "/password/reset?token=");
			assertThat(person.get(link.substring(baseUrl.length())).statusCode()).isEqualTo(303);
			person.get("/password/reset/new");
			HttpResponse<String> changed = person.post("/password/reset/new",
					Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
			assertThat(changed.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/login?reset"));
			assertThat(other.get("/account").statusCode()).isEqualTo(302);
			assertThat(person.get(link.substring(baseUrl.length())).statusCode()).isEqualTo(410);

			WebClient holder = signedIn(account, NEW_PASSWORD);
			assertThat(holder.post("/account/password-reset", Map.of()).statusCode()).isEqualTo(302);
			// the reset link, the password-changed notice, the second reset link
			mailbox.await(account.email(), 3);
		});
		assertThat(undeclared).isEmpty();
	}

	@Test
	void ofParallelSubmissionsOfOneLinkExactlyOneWins() {
		Account account = TestAccounts.create(accounts, Language.EN);
		String token = requestLink(account);

		List<Integer> answers = Race.run(12,
				i -> complete(token, "parallel lantern number " + i + " by the sea").statusCode());

		assertThat(answers).filteredOn(status -> status == 204).hasSize(1);
		assertThat(answers).filteredOn(status -> status != 204).containsOnly(410);
	}

	@Test
	void thePerAccountLimitCountsAcrossTheCluster() {
		Account account = TestAccounts.create(accounts, Language.EN);
		for (int i = 0; i < 5; i++) {
			assertThat(api("/api/v1/password-resets", "{\"email\":\"" + account.email() + "\"}").statusCode())
				.isEqualTo(202);
		}
		outbox.awaitDrained();
		assertThat(mailbox.to(account.email())).hasSize(3);
	}

	@Test
	void everyPrimaryNotifiesOfExpiredKeysAndExpiredSessionsLeaveTheirAccountsIndex() {
		for (RedisProcess node : CLUSTER.nodes()) {
			try (Jedis jedis = node.client()) {
				assertThat(jedis.configGet("notify-keyspace-events").get("notify-keyspace-events"))
					.as("notify-keyspace-events on port %d", node.port())
					.contains("g")
					.containsAnyOf("x", "A")
					.containsAnyOf("E", "K");
			}
		}
		// Enough accounts that their index keys and sessions land on every node.
		List<String> principals = java.util.stream.IntStream.range(0, 24)
			.mapToObj(i -> UUID.randomUUID().toString())
			.toList();
		for (String principal : principals) {
			save(principal, Duration.ofSeconds(1));
			save(principal, Duration.ofMinutes(30));
		}
		assertThat(principals).allSatisfy(principal -> assertThat(indexSize(principal)).isEqualTo(2));

		await("every expired session to leave its account's index").atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(principals)
				.allSatisfy(principal -> assertThat(indexSize(principal)).isEqualTo(1)));
		assertThat(principals).allSatisfy(principal -> assertThat(sessions.findByPrincipalName(principal)).hasSize(1));
	}

	@Test
	void aTotpCodeIsAcceptedOnceWhicheverNodeHoldsItsKey() {
		Account account = TestAccounts.create(accounts, Language.EN);
		WebClient enrolling = signedIn(account, TestAccounts.PASSWORD);
		Authenticator app = Authenticator.scan(enrolling.get("/account/security/totp").body());
		assertThat(enrolling
			.post("/account/security/totp",
					Map.of("code", app.code(clock.instant()), "currentPassword", TestAccounts.PASSWORD))
			.statusCode()).isEqualTo(200);

		clock.advance(Duration.ofSeconds(30));
		String code = app.code(clock.instant());
		assertThat(secondStep(account, code).statusCode()).isEqualTo(302);
		assertThat(secondStep(account, code).statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> secondStep(Account account, String code) {
		WebClient browser = new WebClient(port);
		browser.signIn(account.email(), TestAccounts.PASSWORD);
		browser.get("/login/second-factor");
		return browser.post("/login/second-factor", Map.of("code", code));
	}

	@SuppressWarnings("unchecked")
	private void save(String principal, Duration maxInactive) {
		var repository = (FindByIndexNameSessionRepository<Session>) sessions;
		Session session = repository.createSession();
		session.setMaxInactiveInterval(maxInactive);
		session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal);
		repository.save(session);
	}

	private long indexSize(String principal) {
		String key = "ass:session:index:" + FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME + ":"
				+ principal;
		try (Jedis jedis = CLUSTER.nodeOf(key).client()) {
			return jedis.scard(key);
		}
	}

	private List<Integer> ports() {
		return CLUSTER.nodes().stream().map(RedisProcess::port).toList();
	}

	private WebClient signedIn(Account account, String password) {
		WebClient browser = new WebClient(port);
		assertThat(browser.signIn(account.email(), password).statusCode()).isEqualTo(302);
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);
		return browser;
	}

	private String requestLink(Account account) {
		int before = mailbox.to(account.email()).size();
		assertThat(api("/api/v1/password-resets", "{\"email\":\"" + account.email() + "\"}").statusCode())
			.isEqualTo(202);
		return Mailbox.token(mailbox.await(account.email(), before + 1).get(before));
	}

	private HttpResponse<String> complete(String token, String password) {
		return api("/api/v1/password-resets/complete",
				"{\"token\":\"" + token + "\",\"newPassword\":\"" + password + "\"}");
	}

	private HttpResponse<String> api(String path, String json) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
