package org.accountsecurity.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.Language;
import org.accountsecurity.password.PasswordHasher;
import org.accountsecurity.passwordreset.ResetTokens;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.Postgres;
import org.accountsecurity.support.RedisProcess;
import org.accountsecurity.support.ServiceTest;
import org.accountsecurity.support.TcpRelay;
import org.accountsecurity.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * Outages under load, each against a real server: SMTP down for a minute, SMTP taking ten
 * seconds per mail, PostgreSQL gone in the middle of a password change, and Redis killed
 * and restarted from its append-only file while mails wait. SMTP and PostgreSQL are
 * reached through relays the test cuts; Redis is a process of its own with {@code
 * appendonly yes} and {@code appendfsync always}. Prints what was delivered, lost and
 * duplicated.
 */
@ServiceTest
@EnabledIf("org.accountsecurity.support.Postgres#available")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OutagesIntegrationTests {

	static final int PORT = IntegrationTest.freePort();

	static final String SCHEMA = Postgres.newSchema();

	static final int GREENMAIL_PORT = IntegrationTest.freePort();

	static final TcpRelay SMTP = new TcpRelay(GREENMAIL_PORT);

	static final TcpRelay POSTGRES = new TcpRelay(5432);

	static final RedisProcess REDIS = RedisProcess.start("--appendonly", "yes", "--appendfsync", "always");

	static final String NEW_PASSWORD = "a brand new lantern by the sea";

	// Not a SeparateIntegrationTest: its own SMTP port would win over the relay's.
	@DynamicPropertySource
	static void relayed(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("app.public-base-url", () -> "http://localhost:" + PORT);
		registry.add("app.dev.imap-port", IntegrationTest::freePort);
		registry.add("spring.datasource.url",
				() -> "jdbc:postgresql://127.0.0.1:" + POSTGRES.port() + "/test?currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> Postgres.USER);
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.schemas", () -> SCHEMA);
		registry.add("app.dev.smtp-server-port", () -> GREENMAIL_PORT);
		registry.add("spring.mail.port", SMTP::port);
		registry.add("spring.mail.properties.mail.smtp.timeout", () -> 20000);
		registry.add("app.dev.redis-server-port", IntegrationTest::freePort);
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + REDIS.port());
		registry.add("spring.data.redis.port", REDIS::port);
		registry.add("app.reset.per-account-limit.requests", () -> 100000);
		registry.add("app.mail.first-retry-delay", () -> "PT1S");
		registry.add("app.mail.max-attempts", () -> 12);
		registry.add("app.after-change.retry-delay", () -> "PT1S");
		// A request that needs the database waits this long for a connection, then is a
		// 503.
		registry.add("spring.datasource.hikari.connection-timeout", () -> 2000);
	}

	@AfterAll
	static void stopServers() throws Exception {
		SMTP.close();
		POSTGRES.close();
		REDIS.close();
		Postgres.dropSchema(SCHEMA);
	}

	@MockitoSpyBean
	ResetTokens tokens;

	@Autowired
	AccountService accountService;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordHasher hasher;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	final AtomicBoolean cutPostgresAfterConsume = new AtomicBoolean();

	final HttpClient http = HttpClient.newHttpClient();

	final String baseUrl = "http://localhost:" + PORT;

	@BeforeEach
	void cutPostgresWhenAsked() {
		doAnswer(invocation -> {
			Object consumed = invocation.callRealMethod();
			if (cutPostgresAfterConsume.getAndSet(false)) {
				POSTGRES.cut();
				// Past Hikari's 500 ms without validation: every pooled connection is
				// checked, found closed, and no new one can be had.
				Thread.sleep(700);
			}
			return consumed;
		}).when(tokens).consume(any());
	}

	@AfterEach
	void serversBack() {
		SMTP.restore();
		POSTGRES.restore();
	}

	@Test
	void smtpDownForAMinuteUnderAStreamOfRequestsThenEveryMailArrivesOnce() {
		List<Account> people = people(3);
		Map<String, Long> accepted = new HashMap<>();
		SMTP.cut();
		long start = System.nanoTime();
		for (int i = 0; System.nanoTime() - start < Duration.ofSeconds(60).toNanos(); i++) {
			String email = people.get(i % people.size()).email();
			assertThat(requestReset(email)).isEqualTo(202);
			accepted.merge(email, 1L, Long::sum);
			pause(Duration.ofMillis(500));
		}
		SMTP.restore();
		long back = System.nanoTime();

		awaitMails(people, accepted, Duration.ofSeconds(90));
		long lastArrived = Duration.ofNanos(System.nanoTime() - back).toMillis();
		outbox.awaitDrained();
		report("SMTP down 60 s", people, accepted, "; all delivered " + lastArrived + " ms after SMTP came back");
	}

	@Test
	void smtpTakingTenSecondsPerMailSlowsNoRequest() {
		List<Account> people = people(2);
		Map<String, Long> accepted = new HashMap<>();
		List<Long> normal = timedRequests(people, 40, accepted);
		SMTP.slowDown(Duration.ofSeconds(10));
		List<Long> slow = timedRequests(people, 40, accepted);
		SMTP.restore();

		awaitMails(people, accepted, Duration.ofSeconds(60));
		outbox.awaitDrained();
		System.out.printf(
				"Slow SMTP (10 s per mail): reset request p50 %d ms, p99 %d ms, max %d ms; with a quick "
						+ "SMTP p50 %d ms, p99 %d ms, max %d ms%n",
				percentile(slow, 50), percentile(slow, 99), percentile(slow, 100), percentile(normal, 50),
				percentile(normal, 99), percentile(normal, 100));
		report("Slow SMTP", people, accepted, "");
		// No request waits for SMTP: the slowest is far from the ten seconds a mail
		// takes.
		assertThat(percentile(slow, 100)).isLessThan(5000);
	}

	/**
	 * PostgreSQL is cut right after the link was consumed, before the password's
	 * transaction: a 503, nothing changes, the link is given back, and once PostgreSQL is
	 * back the same link sets the password. (Spring MVC's resolvers took the
	 * {@code EOFException} under the failed connection for a client that went away and
	 * answered an empty 200, until {@code DependencyOutageFilter} resolved it first.)
	 */
	@Test
	void postgresGoneDuringAPasswordChangeChangesNothingAndTheLinkStillWorksAfter() {
		Account account = people(1).get(0);
		String token = Mailbox.token(requestLink(account));

		cutPostgresAfterConsume.set(true);
		long start = System.nanoTime();
		HttpResponse<String> failed = complete(token);
		long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
		POSTGRES.restore();
		// Pooled connections the cut broke leave the pool as they fail.
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> jdbc.sql("select 1").query(Integer.class).single() == 1);

		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(failed.body()).doesNotContain("Exception", "SQL", "postgres");
		Account unchanged = accounts.findById(account.id()).orElseThrow();
		assertThat(unchanged.credentialVersion()).isEqualTo(account.credentialVersion());
		assertThat(hasher.matches(TestAccounts.PASSWORD, unchanged.passwordHash())).isTrue();
		assertThat(auditTypes(account)).doesNotContain("PASSWORD_CHANGED");

		assertThat(complete(token).statusCode()).isEqualTo(204);
		assertThat(hasher.matches(NEW_PASSWORD, accounts.findById(account.id()).orElseThrow().passwordHash())).isTrue();
		assertThat(complete(token).statusCode()).isEqualTo(410);
		System.out.printf("PostgreSQL gone during a password change: answered %d after %d ms; password unchanged, "
				+ "the link usable again, the retry changed it%n", failed.statusCode(), took);
	}

	@Test
	void redisKilledAndRestartedFromItsAppendOnlyFileKeepsTheQueuedMails() {
		List<Account> people = people(3);
		Map<String, Long> accepted = new HashMap<>();
		SMTP.cut();
		for (int i = 0; i < 6; i++) {
			String email = people.get(i % people.size()).email();
			assertThat(requestReset(email)).isEqualTo(202);
			accepted.merge(email, 1L, Long::sum);
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> outbox.depth() >= 6);

		REDIS.kill();
		REDIS.start();
		SMTP.restore();

		awaitMails(people, accepted, Duration.ofSeconds(60));
		outbox.awaitDrained();
		report("Redis killed and restarted (AOF, fsync always)", people, accepted, "");
	}

	private List<Long> timedRequests(List<Account> people, int count, Map<String, Long> accepted) {
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String email = people.get(i % people.size()).email();
			long start = System.nanoTime();
			assertThat(requestReset(email)).isEqualTo(202);
			millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
			accepted.merge(email, 1L, Long::sum);
			pause(Duration.ofMillis(50));
		}
		return millis;
	}

	private static long percentile(List<Long> values, int percentile) {
		List<Long> sorted = values.stream().sorted().toList();
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	private void awaitMails(List<Account> people, Map<String, Long> accepted, Duration atMost) {
		await("every accepted request's mail").atMost(atMost)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> people.stream().allMatch(p -> mailbox.to(p.email()).size() >= accepted.get(p.email())));
	}

	// Every accepted request's mail arrived once: none lost, none twice.
	private void report(String fault, List<Account> people, Map<String, Long> accepted, String more) {
		long requests = accepted.values().stream().mapToLong(Long::longValue).sum();
		long delivered = people.stream().mapToLong(p -> mailbox.to(p.email()).size()).sum();
		long lost = 0;
		long duplicated = 0;
		for (Account person : people) {
			long got = mailbox.to(person.email()).size();
			lost += Math.max(0, accepted.get(person.email()) - got);
			duplicated += Math.max(0, got - accepted.get(person.email()));
		}
		System.out.printf("%s: %d requests accepted; mails delivered %d, lost %d, duplicated %d%s%n", fault, requests,
				delivered, lost, duplicated, more);
		assertThat(lost).isZero();
		assertThat(duplicated).isZero();
	}

	private List<Account> people(int count) {
		List<Account> people = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			people.add(TestAccounts.create(accountService, Language.EN));
		}
		return people;
	}

	private jakarta.mail.internet.MimeMessage requestLink(Account account) {
		assertThat(requestReset(account.email())).isEqualTo(202);
		return mailbox.await(account.email(), 1).get(0);
	}

	private List<String> auditTypes(Account account) {
		return jdbc.sql("select type from audit_event where account_id = ?")
			.param(account.id())
			.query(String.class)
			.list();
	}

	private int requestReset(String email) {
		return post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}").statusCode();
	}

	private HttpResponse<String> complete(String token) {
		return post("/api/v1/password-resets/complete",
				"{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
	}

	private HttpResponse<String> post(String path, String json) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void pause(Duration duration) {
		await().pollDelay(duration).until(() -> true);
	}

}
