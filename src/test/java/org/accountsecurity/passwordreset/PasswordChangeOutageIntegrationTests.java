package org.accountsecurity.passwordreset;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.internet.MimeMessage;
import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.Language;
import org.accountsecurity.mail.MailOutbox;
import org.accountsecurity.password.PasswordHasher;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.ProxiedRedisIntegrationTest;
import org.accountsecurity.support.TcpRelay;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * Redis fails right after the new password is committed (the first step after it,
 * revoking the links, cuts the connection): the answer still says the password changed,
 * and once Redis is back the worker revokes the links, ends the sessions and queues one
 * notice.
 */
class PasswordChangeOutageIntegrationTests extends ProxiedRedisIntegrationTest {

	static final TcpRelay PROXY = newProxy();

	@DynamicPropertySource
	static void proxied(DynamicPropertyRegistry registry) {
		throughThe(PROXY, registry);
	}

	@Override
	protected TcpRelay proxy() {
		return PROXY;
	}

	static final String NEW_PASSWORD = "a brand new lantern by the sea";

	@MockitoSpyBean
	ResetTokens tokens;

	@MockitoSpyBean
	MailOutbox outbox;

	@Autowired
	AccountService accountService;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordHasher hasher;

	@Autowired
	Mailbox mailbox;

	final AtomicBoolean cutAtNextRevoke = new AtomicBoolean();

	final AtomicBoolean cutAtNextEnqueue = new AtomicBoolean();

	// A link mailed while the password changed: the worker must revoke it.
	final AtomicReference<String> concurrentLink = new AtomicReference<>();

	@BeforeEach
	void cutAfterTheCommit() {
		doAnswer(invocation -> {
			if (cutAtNextRevoke.getAndSet(false)) {
				Account account = accounts.findById(invocation.getArgument(0)).orElseThrow();
				concurrentLink.set(tokens.issue(account.id(), account.credentialVersion() - 1).token());
				PROXY.cut();
			}
			return invocation.callRealMethod();
		}).when(tokens).revokeAll(any());
		doAnswer(invocation -> {
			if (cutAtNextEnqueue.getAndSet(false)) {
				PROXY.cut();
			}
			return invocation.callRealMethod();
		}).when(outbox).enqueue(any());
	}

	@Test
	void theApiAnswers204AndTheWorkerFinishesTheSteps() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient other = signedIn(account);
		String token = requestToken(account);

		cutAtNextRevoke.set(true);
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/password-resets/complete"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(204);
		assertStepsFinishedOnceRedisIsBack(account, other);
	}

	@Test
	void thePageSaysChangedAndTheWorkerFinishesTheSteps() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient other = signedIn(account);
		String token = requestToken(account);
		WebClient browser = new WebClient(port);
		assertThat(browser.get("/password/reset?token=" + token).statusCode()).isEqualTo(303);
		browser.get("/password/reset/new");

		cutAtNextRevoke.set(true);
		HttpResponse<String> answer = browser.post("/password/reset/new",
				Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

		assertThat(answer.statusCode()).isEqualTo(303);
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?reset"));
		assertStepsFinishedOnceRedisIsBack(account, other);
	}

	@Test
	void aRequestWhoseMailCannotBeQueuedIsA503AndSaysSoInTheAuditAlikeForEveryAddress() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		HttpResponse<String> known = requestWhileTheOutboxFails(account.email());
		List<String> knownReasons = latestResetRequestReasons();
		HttpResponse<String> unknown = requestWhileTheOutboxFails("ghost-" + account.id() + "@example.test");
		List<String> unknownReasons = latestResetRequestReasons();

		assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(503);
		assertThat(known.body()).isEqualTo(unknown.body());
		assertThat(knownReasons).containsExactly("outbox_unavailable", "{\"trigger\":\"forgot\"}");
		assertThat(unknownReasons).containsExactly("outbox_unavailable", "unknown_account");
	}

	private HttpResponse<String> requestWhileTheOutboxFails(String email) throws Exception {
		cutAtNextEnqueue.set(true);
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/password-resets"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		finally {
			PROXY.restore();
		}
	}

	private List<String> latestResetRequestReasons() {
		// The reason, or the typed details where an event has no reason.
		return jdbc
			.sql("select coalesce(reason, details) from audit_event where type = 'RESET_REQUESTED' "
					+ "order by id desc limit 2")
			.query(String.class)
			.list();
	}

	private void assertStepsFinishedOnceRedisIsBack(Account account, WebClient other) {
		Account changed = accounts.findById(account.id()).orElseThrow();
		assertThat(hasher.matches(NEW_PASSWORD, changed.passwordHash())).isTrue();
		assertThat(pendingSteps(account.id())).isEqualTo(3);

		PROXY.restore();
		await().atMost(Duration.ofSeconds(30)).until(() -> pendingSteps(account.id()) == 0);
		assertThat(other.get("/account").statusCode()).isEqualTo(302);
		assertThat(tokens.check(concurrentLink.get()).state()).isEqualTo(ResetLinkState.REVOKED);
		mailbox.await(account.email(), 2);
		// Give a duplicate time to arrive: the outbox sends within milliseconds.
		await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
		assertThat(mailbox.to(account.email())).hasSize(2)
			.last()
			.satisfies(notice -> assertThat(Mailbox.text(notice)).doesNotContain("/password/reset?token="));
	}

	private WebClient signedIn(Account account) {
		WebClient browser = new WebClient(port);
		browser.signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);
		return browser;
	}

	private String requestToken(Account account) {
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		browser.post("/password/forgot", Map.of("email", account.email()));
		MimeMessage mail = mailbox.await(account.email(), 1).get(0);
		return Mailbox.token(mail);
	}

}
