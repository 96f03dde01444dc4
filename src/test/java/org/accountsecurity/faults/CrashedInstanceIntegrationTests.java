package org.accountsecurity.faults;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.Postgres;
import org.accountsecurity.support.PostgresIntegrationTest;
import org.accountsecurity.support.ServiceTest;
import org.accountsecurity.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one Redis and one PostgreSQL. The second, in a JVM of its own, takes
 * the queued mails but cannot send them (its SMTP relay accepts connections and never
 * answers), and is killed with SIGKILL while it holds them; this one then claims them
 * ({@code XAUTOCLAIM}, {@code app.mail.claim-after}) and delivers each exactly once.
 */
class CrashedInstanceIntegrationTests extends PostgresIntegrationTest {

	static final int MAILS = 6;

	static final BlackHole SILENT_SMTP = new BlackHole();

	@DynamicPropertySource
	static void workerStartedByTheTest(DynamicPropertyRegistry registry) {
		registry.add("app.mail.worker-enabled", () -> false);
		registry.add("app.mail.claim-after", () -> "PT2S");
	}

	@AfterAll
	static void closeSmtp() throws IOException {
		SILENT_SMTP.close();
	}

	@Autowired
	AccountService accountService;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Outbox outbox;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ApplicationContext context;

	@Value("${spring.data.redis.port}")
	int redisPort;

	@Test
	void mailsTakenByAKilledInstanceAreClaimedAndDeliveredOnceByTheOther() throws Exception {
		List<Account> accounts = IntStream.range(0, MAILS)
			.mapToObj(i -> TestAccounts.create(accountService, Language.values()[i % Language.values().length]))
			.toList();
		HttpClient http = HttpClient.newHttpClient();
		for (Account account : accounts) {
			assertThat(http
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/password-resets"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + account.email() + "\"}"))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode()).isEqualTo(202);
		}

		File log = File.createTempFile("second-instance-", ".log");
		try (SecondInstance second = SecondInstance.start(IntegrationTest.freePort(), settings(), log)) {
			await("the second instance to hold every mail").atMost(Duration.ofSeconds(30))
				.until(() -> pending().getTotalPendingMessages() == MAILS);
			assertThat(SILENT_SMTP.connections()).isPositive();
			second.kill();
		}
		long killedAt = System.nanoTime();
		assertThat(mailbox.allRecipients()).isEmpty();

		context.getBean("outboxWorker", SmartLifecycle.class).start();
		await("every mail").atMost(Duration.ofSeconds(30))
			.until(() -> accounts.stream().allMatch(a -> !mailbox.to(a.email()).isEmpty()));
		long claimedIn = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
		outbox.awaitDrained();
		int delivered = mailbox.allRecipients().size();
		System.out.printf(
				"Crashed instance: %d mails held by the killed instance; delivered %d, lost %d, "
						+ "duplicated %d; all delivered %d ms after the kill (claim-after 2 s)%n",
				MAILS, delivered, Math.max(0, MAILS - delivered), Math.max(0, delivered - MAILS), claimedIn);
		assertThat(accounts).allSatisfy(account -> assertThat(mailbox.to(account.email())).hasSize(1));
		assertThat(pending().getTotalPendingMessages()).isZero();
		assertThat(redis.opsForStream().size("{outbox}:dead")).isZero();
	}

	private PendingMessagesSummary pending() {
		return redis.opsForStream().pending("{outbox}:mail", "mailers");
	}

	private Map<String, String> settings() {
		return Map.ofEntries(Map.entry("spring.datasource.url", Postgres.URL + "?currentSchema=" + SCHEMA),
				Map.entry("spring.datasource.username", Postgres.USER),
				Map.entry("spring.datasource.password", "unused"), Map.entry("spring.flyway.schemas", SCHEMA),
				Map.entry("spring.data.redis.host", "127.0.0.1"),
				Map.entry("spring.data.redis.port", Integer.toString(redisPort)),
				Map.entry("spring.mail.host", "127.0.0.1"),
				Map.entry("spring.mail.port", Integer.toString(SILENT_SMTP.port())),
				Map.entry("spring.mail.properties.mail.smtp.connectiontimeout", "5000"),
				Map.entry("spring.mail.properties.mail.smtp.timeout", "300000"),
				Map.entry("app.public-base-url", "http://localhost:1"),
				Map.entry("app.reset.signing-keys", ServiceTest.SIGNING_KEY),
				Map.entry("app.second-factor.encryption-key", ServiceTest.ENCRYPTION_KEY),
				Map.entry("app.device.signing-keys", ServiceTest.SIGNING_KEY),
				Map.entry("app.password.bcrypt-cost", "10"), Map.entry("app.mail.claim-after", "PT2S"),
				Map.entry("logging.level.root", "WARN"), Map.entry("logging.level.org.accountsecurity.mail", "INFO"));
	}

	/** An SMTP relay that accepts connections and never says a word. */
	static final class BlackHole implements AutoCloseable {

		private final ServerSocket listener;

		private final Set<Socket> held = ConcurrentHashMap.newKeySet();

		BlackHole() {
			try {
				listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread accepting = new Thread(() -> {
				while (!listener.isClosed()) {
					try {
						held.add(listener.accept());
					}
					catch (IOException ex) {
						// closed
					}
				}
			}, "silent-smtp");
			accepting.setDaemon(true);
			accepting.start();
		}

		int port() {
			return listener.getLocalPort();
		}

		int connections() {
			return held.size();
		}

		@Override
		public void close() throws IOException {
			listener.close();
			for (Socket socket : held) {
				socket.close();
			}
		}

	}

}
