package org.accountsecurity.passwordreset;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.TestClock;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Both ways into a reset, end to end on real Redis, GreenMail and SQL, in pages. */
class ResetFlowIntegrationTests extends IntegrationTest {

	static final String NEW_PASSWORD = "a brand new passphrase for them";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Outbox outbox;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void forgotPasswordLinkSetsANewPasswordAndTheNoticeFollows() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		HttpResponse<String> sent = browser.post("/password/forgot", Map.of("email", account.email().toUpperCase()));
		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(sent.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

		MimeMessage mail = mailbox.await(account.email(), 1).get(0);
		String link = Mailbox.link(mail, "/password/reset?token=");
		assertThat(link).startsWith(BASE_URL + "/password/reset?token=");

		HttpResponse<String> opened = browser.get(localPath(link));
		assertThat(opened.statusCode()).isEqualTo(303);
		assertThat(opened.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/password/reset/new").doesNotContain("token"));
		assertThat(opened.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(c -> assertThat(c).contains("no-store"));

		HttpResponse<String> form = browser.get("/password/reset/new");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("autocomplete=\"new-password\"", "name=\"confirmPassword\"");

		HttpResponse<String> changed = browser.post("/password/reset/new",
				Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
		assertThat(changed.statusCode()).isEqualTo(303);
		assertThat(changed.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?reset"));

		assertThat(mailbox.await(account.email(), 2).get(1).getSubject()).containsIgnoringCase("password");
		assertThat(signIn(account.email(), NEW_PASSWORD)).endsWith("/account");
		assertThat(signIn(account.email(), TestAccounts.PASSWORD)).endsWith("/login?error");
	}

	@Test
	void resetPasswordOnAccountDetailsMailsTheSignedInAccountOnly() {
		Account account = TestAccounts.create(accountService, Language.EN);
		Account other = TestAccounts.create(accountService, Language.EN);
		WebClient browser = new WebClient(port);
		browser.signIn(account.email(), TestAccounts.PASSWORD);
		browser.get("/account");
		HttpResponse<String> reset = browser.post("/account/password-reset",
				Map.of("email", other.email(), "accountId", other.id().toString()));
		assertThat(reset.statusCode()).isEqualTo(302);
		assertThat(browser.get("/account").body()).contains(account.email().charAt(0) + "***@example.test");
		mailbox.await(account.email(), 1);
		outbox.awaitDrained();
		assertThat(mailbox.to(other.email())).isEmpty();
	}

	@Test
	void unknownAddressGetsTheSameAnswerAndNoMail() {
		Account account = TestAccounts.create(accountService, Language.EN);
		HttpResponse<String> known = forgot(account.email());
		HttpResponse<String> unknown = forgot("nobody-" + account.id() + "@example.test");
		assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
		assertThat(maskVolatile(unknown.body())).isEqualTo(maskVolatile(known.body()));
		assertThat(unknown.headers().map().keySet()).isEqualTo(known.headers().map().keySet());
		mailbox.await(account.email(), 1);
		outbox.awaitDrained();
		assertThat(mailbox.allRecipients()).noneMatch(r -> r.startsWith("nobody-"));
	}

	@Test
	void anExpiredLinkIsRefusedWhenOpenedAndWhenSubmitted() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String link = requestLink(account);
		WebClient browser = openForm(link);
		clock.advance(Duration.ofMinutes(31));
		HttpResponse<String> submitted = browser.post("/password/reset/new",
				Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
		assertThat(submitted.statusCode()).isEqualTo(410);
		assertThat(submitted.body()).contains("data-state=\"expired\"");
		HttpResponse<String> reopened = new WebClient(port).get(localPath(link));
		assertThat(reopened.statusCode()).isEqualTo(410);
		assertThat(reopened.body()).contains("data-state=\"expired\"", "id=\"new-link\"");
	}

	@Test
	void aUsedLinkCannotBeUsedAgain() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String link = requestLink(account);
		WebClient browser = openForm(link);
		browser.post("/password/reset/new", Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
		HttpResponse<String> again = new WebClient(port).get(localPath(link));
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(again.body()).contains("data-state=\"used\"");
	}

	@Test
	void openingALinkManyTimesDoesNotUseItUp() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String link = requestLink(account);
		for (int i = 0; i < 3; i++) {
			assertThat(new WebClient(port).get(localPath(link)).statusCode()).isEqualTo(303);
		}
		assertThat(openForm(link)
			.post("/password/reset/new", Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
			.statusCode()).isEqualTo(303);
	}

	@Test
	void iDidNotAskForThisCancelsTheLinkAfterAConfirmation() {
		Account account = TestAccounts.create(accountService, Language.EN);
		forgot(account.email());
		MimeMessage mail = mailbox.await(account.email(), 1).get(0);
		String cancel = Mailbox.link(mail, "/password/reset/cancel?token=");
		WebClient browser = new WebClient(port);
		HttpResponse<String> opened = browser.get(localPath(cancel));
		assertThat(opened.statusCode()).as("the token leaves the address bar").isEqualTo(303);
		assertThat(opened.headers().firstValue("Location")).hasValue("/password/reset/cancel");
		HttpResponse<String> confirm = browser.get("/password/reset/cancel");
		assertThat(confirm.statusCode()).isEqualTo(200);
		assertThat(confirm.body()).contains("id=\"cancel-link\"").doesNotContain(Mailbox.tokenOf(cancel));
		assertThat(new WebClient(port).get(localPath(Mailbox.link(mail, "/password/reset?token="))).statusCode())
			.as("opening the cancel page changes nothing")
			.isEqualTo(303);
		HttpResponse<String> cancelled = browser.post("/password/reset/cancel", Map.of());
		assertThat(cancelled.body()).contains("id=\"link-cancelled\"");
		HttpResponse<String> after = new WebClient(port).get(localPath(Mailbox.link(mail, "/password/reset?token=")));
		assertThat(after.statusCode()).isEqualTo(410);
		assertThat(after.body()).contains("data-state=\"revoked\"");
	}

	@Test
	void theCancelLinkCarriesItsOwnTokenThatCannotReset() {
		Account account = TestAccounts.create(accountService, Language.EN);
		forgot(account.email());
		MimeMessage mail = mailbox.await(account.email(), 1).get(0);
		String resetToken = Mailbox.token(mail);
		String cancelToken = Mailbox.tokenOf(Mailbox.link(mail, "/password/reset/cancel?token="));
		assertThat(cancelToken).isNotEqualTo(resetToken);
		assertThat(new WebClient(port).get("/password/reset?token=" + cancelToken).statusCode())
			.as("the cancel token opens no new-password form")
			.isEqualTo(400);
		assertThat(new WebClient(port).get("/password/reset/cancel?token=" + resetToken).statusCode())
			.as("the reset token is no cancel token")
			.isEqualTo(400);
		assertThat(new WebClient(port).post("/password/reset/cancel", Map.of("token", resetToken)).statusCode())
			.as("a POST revokes only what a checked cancel link put into the session")
			.isIn(400, 403);
		assertThat(new WebClient(port).get(localPath(Mailbox.link(mail, "/password/reset?token="))).statusCode())
			.as("the reset link still works")
			.isEqualTo(303);
	}

	@Test
	void aNewerLinkRevokesTheOlderOne() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String first = requestLink(account);
		String second = requestLink(account);
		HttpResponse<String> old = new WebClient(port).get(localPath(first));
		assertThat(old.statusCode()).isEqualTo(410);
		assertThat(old.body()).contains("data-state=\"revoked\"");
		assertThat(new WebClient(port).get(localPath(second)).statusCode()).isEqualTo(303);
	}

	@Test
	void aRefusedPasswordListsEveryProblemAndKeepsTheLink() {
		Account account = TestAccounts.create(accountService, Language.DE);
		String link = requestLink(account);
		WebClient browser = openForm(link);
		HttpResponse<String> refused = browser.post("/password/reset/new",
				Map.of("password", "short", "confirmPassword", "other"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("data-code=\"too-short\"", "data-code=\"mismatch\"", "Passwort");
		assertThat(
				browser.post("/password/reset/new", Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
					.statusCode())
			.isEqualTo(303);
	}

	@Test
	void theLinkIsBuiltFromTheConfiguredBaseWhateverTheHostHeaders() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		String csrf = browser.get("/password/forgot")
			.body()
			.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		HttpRequest poisoned = HttpRequest.newBuilder(URI.create(browser.base() + "/password/forgot"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-Host", "evil.example")
			.header("Forwarded", "host=evil.example;proto=http")
			.POST(HttpRequest.BodyPublishers.ofString("email=" + account.email() + "&_csrf=" + csrf))
			.build();
		assertThat(browser.send(poisoned).statusCode()).isEqualTo(200);
		String text = Mailbox.text(mailbox.await(account.email(), 1).get(0));
		assertThat(text).contains(BASE_URL + "/password/reset?token=").doesNotContain("evil.example");
	}

	@Test
	void anOldSessionCannotReachAccountDetailsAfterTheChange() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient signedIn = new WebClient(port);
		signedIn.signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(signedIn.get("/account").statusCode()).isEqualTo(200);
		changePassword(account, NEW_PASSWORD);
		HttpResponse<String> after = signedIn.get("/account");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
	}

	@Test
	void aPasswordSharingTheFirst72BytesIsNotTheSamePassword() {
		Account account = TestAccounts.create(accountService, Language.EN);
		// 72 bytes that are hard to guess, or the policy refuses the password before
		// BCrypt.
		String first72Bytes = "purple tractor singing in rain, silver lining over a quiet harbour ".repeat(2)
			.substring(0, 72);
		String password = first72Bytes + "X";
		changePassword(account, password);
		assertThat(signIn(account.email(), password)).endsWith("/account");
		assertThat(signIn(account.email(), first72Bytes + "Y")).endsWith("/login?error");
	}

	@Test
	void aLongPolishAndEmojiPassphraseWorks() {
		Account account = TestAccounts.create(accountService, Language.PL);
		String password = "Zażółć gęślą jaźń 🦊🦊 pchnąć w tę łódź jeża lub ośm skrzyń fig 🌲!";
		assertThat(password.codePointCount(0, password.length())).isEqualTo(64);
		changePassword(account, password);
		assertThat(signIn(account.email(), password)).endsWith("/account");
	}

	@Test
	void mailsComeInTheAccountsLanguage() {
		Account german = TestAccounts.create(accountService, Language.DE);
		Account polish = TestAccounts.create(accountService, Language.PL);
		forgot(german.email());
		forgot(polish.email());
		MimeMessage de = mailbox.await(german.email(), 1).get(0);
		MimeMessage pl = mailbox.await(polish.email(), 1).get(0);
		assertThat(Mailbox.text(de)).contains("Passwort");
		assertThat(Mailbox.text(pl)).contains("hasł");
	}

	@Test
	void lookalikeAddressesNeverReceiveAMail() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String local = account.email().substring(0, account.email().indexOf('@'));
		String domain = account.email().substring(account.email().indexOf('@'));
		// Dotless i, long s, Kelvin sign and a trailing-dot domain: at most the stored
		// address gets mail.
		for (String variant : new String[] { local.replace("u", "ı") + domain, local.replace("s", "ſ") + domain,
				"\u212A" + local + domain, account.email() + "." }) {
			forgot(variant);
		}
		forgot(account.email().toUpperCase());
		mailbox.await(account.email(), 1);
		outbox.awaitDrained();
		assertThat(mailbox.allRecipients())
			.noneMatch(r -> r.contains("ı") || r.contains("ſ") || r.contains("\u212A") || r.endsWith("."));
	}

	@Test
	void anAddressGivenTwiceIsRefusedAndMailsNobody() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		String csrf = browser.get("/password/forgot")
			.body()
			.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		HttpResponse<String> twice = browser
			.send(HttpRequest.newBuilder(URI.create(browser.base() + "/password/forgot"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("email=" + account.email() + "&email=attacker@evil.example&_csrf=" + csrf))
				.build());
		assertThat(twice.statusCode()).isEqualTo(400);
		outbox.awaitDrained();
		assertThat(mailbox.allRecipients()).doesNotContain("attacker@evil.example");
	}

	/** Asks for a link by forgot-password and returns the one in the new mail. */
	private String requestLink(Account account) {
		int before = mailbox.to(account.email()).size();
		forgot(account.email());
		return Mailbox.link(mailbox.await(account.email(), before + 1).get(before), "/password/reset?token=");
	}

	/**
	 * Opens the link and the new-password form in a fresh browser, as a person following
	 * the mail would.
	 */
	private WebClient openForm(String link) {
		WebClient browser = new WebClient(port);
		assertThat(browser.get(localPath(link)).statusCode()).isEqualTo(303);
		assertThat(browser.get("/password/reset/new").statusCode()).isEqualTo(200);
		return browser;
	}

	private void changePassword(Account account, String password) {
		WebClient browser = openForm(requestLink(account));
		HttpResponse<String> changed = browser.post("/password/reset/new",
				Map.of("password", password, "confirmPassword", password));
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
	}

	private HttpResponse<String> forgot(String email) {
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		return browser.post("/password/forgot", Map.of("email", email));
	}

	private String signIn(String email, String password) {
		return new WebClient(port).signIn(email, password).headers().firstValue("Location").orElse("");
	}

	private static String localPath(String link) {
		return link.substring(BASE_URL.length());
	}

	private static String maskVolatile(String body) {
		return body.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}

}
