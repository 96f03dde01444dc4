package org.accountsecurity.account.emailchange;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Account.Role;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.Language;
import org.accountsecurity.account.NewAccount;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.TestClock;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.accountsecurity.account.emailchange.EmailChangeFlow.confirm;
import static org.accountsecurity.account.emailchange.EmailChangeFlow.freshAddress;
import static org.accountsecurity.account.emailchange.EmailChangeFlow.localPath;
import static org.accountsecurity.account.emailchange.EmailChangeFlow.request;
import static org.accountsecurity.account.emailchange.EmailChangeFlow.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following the confirmation link, signed in or not, end to end on real Redis, GreenMail
 * and SQL.
 */
class EmailConfirmationIntegrationTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	Accounts accounts;

	@Autowired
	Mailbox mailbox;

	@Autowired
	TestClock clock;

	EmailChangeFlow flow;

	@BeforeEach
	void flow() {
		flow = new EmailChangeFlow(port, mailbox);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void openingTheLinkOnlyShowsAButton() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String newEmail = freshAddress();
		request(flow.signedIn(account), newEmail, TestAccounts.PASSWORD);
		String link = flow.confirmationLink(newEmail, 1);

		for (int i = 0; i < 3; i++) {
			HttpResponse<String> opened = new WebClient(port).get(localPath(link));
			assertThat(opened.statusCode()).isEqualTo(200);
			assertThat(opened.body()).contains("id=\"confirm-email\"", "n***@example.test",
					"name=\"token\" value=\"" + token(link) + "\"");
			assertThat(opened.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
			assertThat(opened.headers().firstValue("Cache-Control"))
				.hasValueSatisfying(c -> assertThat(c).contains("no-store"));
		}
		assertThat(accounts.findById(account.id()).orElseThrow().email()).isEqualTo(account.email());
	}

	@Test
	void confirmingChangesTheAddressRevokesResetLinksAndEndsSessions() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String newEmail = freshAddress();
		WebClient elsewhere = flow.signedIn(account);
		WebClient forgot = new WebClient(port);
		forgot.get("/password/forgot");
		forgot.post("/password/forgot", Map.of("email", account.email()));
		String resetLink = flow.linkIn(account.email(), 1, "/password/reset?token=");
		request(flow.signedIn(account), newEmail, TestAccounts.PASSWORD);
		String link = flow.confirmationLink(newEmail, 1);

		HttpResponse<String> confirmed = confirm(new WebClient(port), link);

		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("id=\"email-changed\"", "n***@example.test", "href=\"/login\"");
		assertThat(confirmed.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(accounts.findById(account.id()).orElseThrow().email()).isEqualTo(newEmail);
		assertThat(signIn(newEmail)).endsWith("/account");
		assertThat(signIn(account.email())).endsWith("/login?error");
		HttpResponse<String> oldReset = new WebClient(port).get(localPath(resetLink));
		assertThat(oldReset.statusCode()).isEqualTo(410);
		assertThat(oldReset.body()).contains("data-state=\"revoked\"");
		HttpResponse<String> ended = elsewhere.get("/account");
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
	}

	@Test
	void confirmingWhileSignedInKeepsThisSessionAndShowsTheNewAddress() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String newEmail = freshAddress();
		WebClient elsewhere = flow.signedIn(account);
		WebClient browser = flow.signedIn(account);
		request(browser, newEmail, TestAccounts.PASSWORD);

		HttpResponse<String> confirmed = confirm(browser, flow.confirmationLink(newEmail, 1));

		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("id=\"email-changed\"", "href=\"/account\"");
		HttpResponse<String> details = browser.get("/account");
		assertThat(details.statusCode()).isEqualTo(200);
		assertThat(details.body()).contains("id=\"current-email\">" + newEmail + "<", "id=\"active-sessions\">1<");
		assertThat(elsewhere.get("/account").statusCode()).isEqualTo(302);
	}

	@Test
	void aUsedLinkIsRefused() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String newEmail = freshAddress();
		request(flow.signedIn(account), newEmail, TestAccounts.PASSWORD);
		String link = flow.confirmationLink(newEmail, 1);
		WebClient browser = new WebClient(port);
		assertThat(confirm(browser, link).statusCode()).isEqualTo(200);

		HttpResponse<String> again = browser.post("/account/email/confirm", Map.of("token", token(link)));
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(again.body()).contains("data-state=\"used\"", "This link has already been used");
		HttpResponse<String> reopened = new WebClient(port).get(localPath(link));
		assertThat(reopened.statusCode()).isEqualTo(410);
		assertThat(reopened.body()).contains("data-state=\"used\"");
	}

	@Test
	void anExpiredLinkIsRefusedAndChangesNothing() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String newEmail = freshAddress();
		request(flow.signedIn(account), newEmail, TestAccounts.PASSWORD);
		String link = flow.confirmationLink(newEmail, 1);
		WebClient browser = new WebClient(port);
		assertThat(browser.get(localPath(link)).statusCode()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(31));

		HttpResponse<String> submitted = browser.post("/account/email/confirm", Map.of("token", token(link)));
		assertThat(submitted.statusCode()).isEqualTo(410);
		assertThat(submitted.body()).contains("data-state=\"expired\"", "id=\"email-link-problem\"");
		assertThat(new WebClient(port).get(localPath(link)).body()).contains("data-state=\"expired\"");
		assertThat(accounts.findById(account.id()).orElseThrow().email()).isEqualTo(account.email());
	}

	@Test
	void aNewerRequestRevokesTheOlderLink() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String first = freshAddress();
		String second = freshAddress();
		WebClient browser = flow.signedIn(account);
		request(browser, first, TestAccounts.PASSWORD);
		String firstLink = flow.confirmationLink(first, 1);
		request(browser, second, TestAccounts.PASSWORD);
		String secondLink = flow.confirmationLink(second, 1);

		HttpResponse<String> old = new WebClient(port).get(localPath(firstLink));
		assertThat(old.statusCode()).isEqualTo(410);
		assertThat(old.body()).contains("data-state=\"revoked\"");
		assertThat(confirm(new WebClient(port), secondLink).statusCode()).isEqualTo(200);
		assertThat(accounts.findById(account.id()).orElseThrow().email()).isEqualTo(second);
	}

	@Test
	void aPasswordResetAfterTheRequestCancelsTheChange() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String newEmail = freshAddress();
		request(flow.signedIn(account), newEmail, TestAccounts.PASSWORD);
		String link = flow.confirmationLink(newEmail, 1);
		WebClient forgot = new WebClient(port);
		forgot.get("/password/forgot");
		forgot.post("/password/forgot", Map.of("email", account.email()));
		WebClient reset = new WebClient(port);
		reset.get(localPath(flow.linkIn(account.email(), 2, "/password/reset?token=")));
		reset.get("/password/reset/new");
		String password = "an entirely different passphrase now";
		assertThat(reset.post("/password/reset/new", Map.of("password", password, "confirmPassword", password))
			.statusCode()).isEqualTo(303);

		HttpResponse<String> opened = new WebClient(port).get(localPath(link));
		assertThat(opened.statusCode()).isEqualTo(410);
		assertThat(opened.body()).contains("data-state=\"revoked\"");
		WebClient browser = new WebClient(port);
		browser.get("/login");
		HttpResponse<String> submitted = browser.post("/account/email/confirm", Map.of("token", token(link)));
		assertThat(submitted.statusCode()).isEqualTo(410);
		assertThat(submitted.body()).contains("data-state=\"revoked\"");
		assertThat(accounts.findById(account.id()).orElseThrow().email()).isEqualTo(account.email());
	}

	@Test
	void anAddressTakenMeanwhileIsRefusedClearly() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String newEmail = freshAddress();
		request(flow.signedIn(account), newEmail, TestAccounts.PASSWORD);
		String link = flow.confirmationLink(newEmail, 1);
		accountService.create(new NewAccount(newEmail, "Someone Else", Language.EN, null, Set.of(Role.USER)),
				AuditEntry.SYSTEM, RequestOrigin.SYSTEM);

		HttpResponse<String> refused = confirm(new WebClient(port), link);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("data-state=\"taken\"", "This address can no longer be used");
		assertThat(accounts.findById(account.id()).orElseThrow().email()).isEqualTo(account.email());
	}

	@Test
	void aDamagedOrMadeUpTokenIsInvalid() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String newEmail = freshAddress();
		request(flow.signedIn(account), newEmail, TestAccounts.PASSWORD);
		String link = flow.confirmationLink(newEmail, 1);
		String token = token(link);
		String flipped = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
		for (String bad : new String[] { flipped, token.substring(1), "", "x".repeat(5000), "../../etc" }) {
			WebClient browser = new WebClient(port);
			browser.get("/login");
			HttpResponse<String> refused = browser.post("/account/email/confirm", Map.of("token", bad));
			assertThat(refused.statusCode()).as(bad).isIn(400, 410);
			assertThat(refused.body()).contains("id=\"email-link-problem\"");
		}
		assertThat(confirm(new WebClient(port), link).statusCode()).isEqualTo(200);
	}

	private String signIn(String email) {
		return new WebClient(port).signIn(email, TestAccounts.PASSWORD).headers().firstValue("Location").orElse("");
	}

}
