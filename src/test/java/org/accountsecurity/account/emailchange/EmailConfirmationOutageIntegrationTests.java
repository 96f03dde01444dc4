package org.accountsecurity.account.emailchange;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.ProxiedRedisIntegrationTest;
import org.accountsecurity.support.TcpRelay;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.accountsecurity.account.emailchange.EmailChangeFlow.confirm;
import static org.accountsecurity.account.emailchange.EmailChangeFlow.freshAddress;
import static org.accountsecurity.account.emailchange.EmailChangeFlow.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * Redis fails right after a confirmed address is committed (when the other sessions are
 * looked up to end them): the page still says the address changed, and once Redis is back
 * the worker ends the other sessions.
 */
class EmailConfirmationOutageIntegrationTests extends ProxiedRedisIntegrationTest {

	static final TcpRelay PROXY = newProxy();

	@DynamicPropertySource
	static void proxied(DynamicPropertyRegistry registry) {
		throughThe(PROXY, registry);
	}

	@Override
	protected TcpRelay proxy() {
		return PROXY;
	}

	@MockitoSpyBean
	RedisIndexedSessionRepository sessions;

	@Autowired
	AccountService accountService;

	@Autowired
	Accounts accounts;

	@Autowired
	Mailbox mailbox;

	final AtomicBoolean cutAtNextLookup = new AtomicBoolean();

	EmailChangeFlow flow;

	@BeforeEach
	void cutWhenTheSessionsAreLookedUp() {
		flow = new EmailChangeFlow(port, mailbox);
		doAnswer(invocation -> {
			if (cutAtNextLookup.getAndSet(false)) {
				PROXY.cut();
			}
			return invocation.callRealMethod();
		}).when(sessions).findByPrincipalName(any());
	}

	@Test
	void confirmedFromAnotherBrowserThePageSaysChangedAndTheSessionsEndLater() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String newEmail = freshAddress();
		WebClient elsewhere = flow.signedIn(account);
		request(flow.signedIn(account), newEmail, TestAccounts.PASSWORD);
		String link = flow.confirmationLink(newEmail, 1);
		WebClient mailReader = new WebClient(port);
		mailReader.get(EmailChangeFlow.localPath(link));

		cutAtNextLookup.set(true);
		HttpResponse<String> confirmed = mailReader.post("/account/email/confirm",
				Map.of("token", EmailChangeFlow.token(link)));

		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("id=\"email-changed\"", "signed out within a few minutes");
		assertSessionsEndOnceRedisIsBack(account, newEmail, elsewhere);
	}

	@Test
	void confirmedWhileSignedInThePageSaysChangedAndSignsOut() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String newEmail = freshAddress();
		WebClient elsewhere = flow.signedIn(account);
		WebClient browser = flow.signedIn(account);
		request(browser, newEmail, TestAccounts.PASSWORD);
		String link = flow.confirmationLink(newEmail, 1);
		browser.get(EmailChangeFlow.localPath(link));

		cutAtNextLookup.set(true);
		HttpResponse<String> confirmed = browser.post("/account/email/confirm",
				Map.of("token", EmailChangeFlow.token(link)));

		// The session cannot be saved nor read again: it ends, and a page without it
		// tells.
		assertThat(confirmed.statusCode()).isEqualTo(303);
		String changedPage = confirmed.headers().firstValue("Location").orElseThrow();
		assertThat(changedPage).endsWith("/account/email/confirm?changed");
		HttpResponse<String> told = browser.get("/account/email/confirm?changed");
		assertThat(told.statusCode()).isEqualTo(200);
		assertThat(told.body()).contains("id=\"email-changed\"", "href=\"/login\"", "signed out within a few minutes");
		assertSessionsEndOnceRedisIsBack(account, newEmail, elsewhere);
		assertThat(browser.get("/account").statusCode()).isEqualTo(302);
	}

	private void assertSessionsEndOnceRedisIsBack(Account account, String newEmail, WebClient elsewhere) {
		assertThat(accounts.findById(account.id()).orElseThrow().email()).isEqualTo(newEmail);
		assertThat(pendingSteps(account.id())).isEqualTo(1);
		PROXY.restore();
		await().atMost(Duration.ofSeconds(30)).until(() -> pendingSteps(account.id()) == 0);
		assertThat(elsewhere.get("/account").statusCode()).isEqualTo(302);
	}

}
