package org.accountsecurity.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.SeparateIntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.TestRedisSentinel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service on a Sentinel-managed Redis whose primary is killed (SIGKILL) during a
 * steady stream of reset requests: requests fail only during the failover, with 503s, and
 * recover by themselves; every accepted request's mail arrives, and no link can be used
 * twice. Prints the failover window and the mails delivered, lost and duplicated.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SentinelFailoverIntegrationTests extends SeparateIntegrationTest {

	static final TestRedisSentinel SENTINEL = TestRedisSentinel.start();

	@DynamicPropertySource
	static void sentinel(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.sentinel.master", () -> TestRedisSentinel.MASTER);
		registry.add("spring.data.redis.sentinel.nodes", SENTINEL::sentinelNodes);
		// Every request of the stream must send its mail.
		registry.add("app.reset.per-account-limit.requests", () -> 100000);
	}

	@AfterAll
	static void stop() {
		SENTINEL.close();
	}

	@Autowired
	AccountService accountService;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Outbox outbox;

	record Sample(long atNanos, int status, String email) {
	}

	@Test
	void aFailoverDuringAStreamOfResetsCostsOnlyA503WindowAndNoMail() throws Exception {
		List<Account> accounts = List.of(TestAccounts.create(accountService, Language.EN),
				TestAccounts.create(accountService, Language.DE), TestAccounts.create(accountService, Language.PL));
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<Sample> samples = new ArrayList<>();
		long start = System.nanoTime();
		long killedAt = 0;
		int oldPrimary = 0;
		for (int i = 0; System.nanoTime() - start < Duration.ofSeconds(60).toNanos(); i++) {
			if (killedAt == 0 && System.nanoTime() - start > Duration.ofSeconds(2).toNanos()) {
				oldPrimary = SENTINEL.killPrimary();
				killedAt = System.nanoTime();
			}
			String email = accounts.get(i % accounts.size()).email();
			samples.add(new Sample(System.nanoTime(), request(http, email), email));
			if (killedAt != 0 && recoveredFor(samples, killedAt, Duration.ofSeconds(3))) {
				break;
			}
			await().pollDelay(Duration.ofMillis(40)).until(() -> true);
		}

		assertThat(samples).extracting(Sample::status).containsOnly(202, 503);
		List<Sample> failed = samples.stream().filter(s -> s.status() != 202).toList();
		long window = 0;
		if (!failed.isEmpty()) {
			long lastFailure = failed.get(failed.size() - 1).atNanos();
			Sample firstSuccessAfter = samples.stream()
				.filter(s -> s.atNanos() > lastFailure && s.status() == 202)
				.findFirst()
				.orElseThrow(() -> new AssertionError("requests did not recover"));
			window = firstSuccessAfter.atNanos() - failed.get(0).atNanos();
			assertThat(failed.get(0).atNanos()).isGreaterThanOrEqualTo(killedAt);
		}
		assertThat(SENTINEL.primaryPort()).isNotEqualTo(oldPrimary);
		assertThat(Duration.ofNanos(window)).isLessThan(Duration.ofSeconds(30));

		Map<String, Long> accepted = new java.util.HashMap<>();
		samples.stream().filter(s -> s.status() == 202).forEach(s -> accepted.merge(s.email(), 1L, Long::sum));
		await("every accepted request's mail").atMost(Duration.ofSeconds(60))
			.until(() -> accounts.stream().allMatch(a -> mailbox.to(a.email()).size() >= accepted.get(a.email())));
		outbox.awaitDrained();
		long delivered = 0;
		long lost = 0;
		long duplicated = 0;
		for (Account account : accounts) {
			long got = mailbox.to(account.email()).size();
			delivered += got;
			lost += Math.max(0, accepted.get(account.email()) - got);
			duplicated += Math.max(0, got - accepted.get(account.email()));
		}
		System.out.printf(
				"Sentinel failover: %d requests, %d refused with 503; failover window %d ms (first failure to first "
						+ "success after); mails delivered %d, lost %d, duplicated %d%n",
				samples.size(), failed.size(), Duration.ofNanos(window).toMillis(), delivered, lost, duplicated);
		assertThat(lost).isZero();
		// At most the mail being sent when the primary died: sent, but its removal from
		// the outbox failed, so it is sent again (the outbox delivers at least once).
		assertThat(duplicated).isLessThanOrEqualTo(1);

		for (Account account : accounts) {
			List<jakarta.mail.internet.MimeMessage> mails = mailbox.to(account.email());
			String newest = Mailbox.token(mails.get(mails.size() - 1));
			List<Integer> answers = Race.run(4, i -> complete(http, newest, "after the failover lantern " + i));
			assertThat(answers).filteredOn(status -> status == 204).hasSize(1);
			assertThat(answers).filteredOn(status -> status != 204).containsOnly(410);
			assertThat(complete(http, Mailbox.token(mails.get(0)), "an old link after the failover")).isEqualTo(410);
		}
	}

	// The last samples, over `period`, all succeeded, and the first of them came after a
	// failure or after the kill.
	private static boolean recoveredFor(List<Sample> samples, long killedAt, Duration period) {
		Sample last = samples.get(samples.size() - 1);
		if (last.status() != 202 || last.atNanos() - killedAt < Duration.ofSeconds(2).toNanos()) {
			return false;
		}
		long since = last.atNanos() - period.toNanos();
		return samples.stream().filter(s -> s.atNanos() >= since).allMatch(s -> s.status() == 202)
				&& samples.stream().anyMatch(s -> s.atNanos() < since && s.atNanos() > killedAt);
	}

	private int request(HttpClient http, String email) {
		return post(http, "/api/v1/password-resets", "{\"email\":\"" + email + "\"}");
	}

	private int complete(HttpClient http, String token, String password) {
		return post(http, "/api/v1/password-resets/complete",
				"{\"token\":\"" + token + "\",\"newPassword\":\"" + password + "\"}");
	}

	private int post(HttpClient http, String path, String json) {
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
					.timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
