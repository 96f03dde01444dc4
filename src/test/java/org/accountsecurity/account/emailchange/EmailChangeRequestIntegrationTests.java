package org.accountsecurity.account.emailchange;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.Language;
import org.accountsecurity.mail.ComposedMail;
import org.accountsecurity.mail.MailComposer;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.accountsecurity.account.emailchange.EmailChangeFlow.freshAddress;
import static org.accountsecurity.account.emailchange.EmailChangeFlow.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking for a new e-mail address on Account details, end to end on real Redis, GreenMail
 * and SQL.
 */
class EmailChangeRequestIntegrationTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	Accounts accounts;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Outbox outbox;

	@Autowired
	MailComposer composer;

	@Autowired
	MeterRegistry meters;

	@Autowired
	StringRedisTemplate redis;

	EmailChangeFlow flow;

	@BeforeEach
	void flow() {
		flow = new EmailChangeFlow(port, mailbox);
	}

	@Test
	void theFormAsksForTheCurrentPassword() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String page = flow.signedIn(account).get("/account").body();
		assertThat(page).contains("action=\"/account/email\"", "name=\"newEmail\"", "name=\"currentPassword\"",
				"autocomplete=\"current-password\"", "id=\"current-email\">" + account.email() + "<");
	}

	@Test
	void aWrongCurrentPasswordChangesNothingAndSendsNothing() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String newEmail = freshAddress();
		WebClient browser = flow.signedIn(account);

		HttpResponse<String> refused = request(browser, newEmail, "not the password of this account");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"currentPassword-error\"", "This is not your current password.",
				"value=\"" + newEmail + "\"");
		assertThat(accounts.findById(account.id()).orElseThrow().email()).isEqualTo(account.email());
		// A reset link queued afterwards arrives after anything the refused request might
		// have queued.
		browser.get("/account");
		browser.post("/account/password-reset", Map.of());
		MimeMessage only = mailbox.await(account.email(), 1).get(0);
		assertThat(Mailbox.text(only)).contains("/password/reset?token=");
		outbox.awaitDrained();
		assertThat(mailbox.to(account.email())).hasSize(1);
		assertThat(mailbox.to(newEmail)).isEmpty();
	}

	@Test
	void theRightPasswordMailsALinkToTheNewAddressAndANoticeToTheOldOne() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String newEmail = freshAddress();
		WebClient browser = flow.signedIn(account);

		HttpResponse<String> asked = request(browser, newEmail, TestAccounts.PASSWORD);

		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(asked.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/account#email-address"));
		assertThat(browser.get("/account").body()).contains("id=\"email-change-sent\"",
				"We sent a confirmation link to n***@example.test; your address changes when you follow it.");
		String link = flow.confirmationLink(newEmail, 1);
		assertThat(link).startsWith(BASE_URL + "/account/email/confirm?token=").endsWith("&lang=en");
		assertThat(EmailChangeFlow.token(link)).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
		String notice = Mailbox.text(mailbox.await(account.email(), 1).get(0));
		assertThat(notice).contains("n***@example.test", BASE_URL + "/password/forgot?lang=en")
			.doesNotContain(newEmail, "/account/email/confirm");
		assertThat(accounts.findById(account.id()).orElseThrow().email()).isEqualTo(account.email());
	}

	@Test
	void mailsComeInTheAccountsLanguage() throws Exception {
		Account german = TestAccounts.create(accountService, Language.DE);
		String newEmail = freshAddress();
		request(flow.signedIn(german), newEmail, TestAccounts.PASSWORD);

		MimeMessage confirmation = mailbox.await(newEmail, 1).get(0);
		assertThat(confirmation.getSubject()).isEqualTo("Bestätigen Sie Ihre neue E-Mail-Adresse");
		assertThat(flow.confirmationLink(newEmail, 1)).endsWith("&lang=de");
		assertThat(mailbox.await(german.email(), 1).get(0).getSubject())
			.isEqualTo("Änderung Ihrer E-Mail-Adresse beantragt");
	}

	@Test
	void everyMailTemplateRendersInEveryLanguage() {
		Map<String, Object> model = Map.of("displayName", "Robin", "link", "https://x.test/l", "expiresAt",
				"2026-01-01 10:30 UTC", "ttlMinutes", 30L, "newAddress", "n***@example.test", "requestedAt",
				"2026-01-01 10:00 UTC", "forgotLink", "https://x.test/f");
		for (String template : new String[] { "email-change-confirm", "email-change-notice" }) {
			for (Language language : Language.values()) {
				ComposedMail mail = composer.compose(template, language.locale(), model);
				assertThat(mail.subject()).isNotBlank();
				assertThat(mail.html() + mail.text()).as(template + " " + language)
					.doesNotContain("??")
					.contains("Robin")
					.contains(template.endsWith("confirm") ? "https://x.test/l" : "https://x.test/f");
				assertThat(mail.html()).contains("<html lang=\"" + language.locale().getLanguage() + "\"");
			}
		}
		assertThat(composer.compose("email-change-notice", Locale.forLanguageTag("pl"), model).text())
			.contains("n***@example.test", "30 min");
	}

	@Test
	void anAddressOfAnotherAccountGetsTheSameAnswerAndNoMail() {
		Account account = TestAccounts.create(accountService, Language.EN);
		Account other = TestAccounts.create(accountService, Language.EN);
		String freeAddress = freshAddress();
		WebClient browser = flow.signedIn(account);

		HttpResponse<String> free = request(browser, freeAddress, TestAccounts.PASSWORD);
		String freeAnswer = browser.get("/account").body();
		HttpResponse<String> taken = request(browser, other.email().toUpperCase(Locale.ROOT), TestAccounts.PASSWORD);
		String takenAnswer = browser.get("/account").body();

		assertThat(taken.statusCode()).isEqualTo(free.statusCode());
		assertThat(taken.headers().firstValue("Location")).isEqualTo(free.headers().firstValue("Location"));
		assertThat(taken.headers().map().keySet()).isEqualTo(free.headers().map().keySet());
		assertThat(takenAnswer).contains("id=\"email-change-sent\"", "U***@EXAMPLE.TEST");
		assertThat(emailSection(takenAnswer, "U***@EXAMPLE.TEST"))
			.isEqualTo(emailSection(freeAnswer, "n***@example.test"));
		// The two notices to the old address come after the taken request's message that
		// sends nothing.
		mailbox.await(account.email(), 2);
		mailbox.await(freeAddress, 1);
		outbox.awaitDrained();
		assertThat(mailbox.to(other.email())).isEmpty();
		assertThat(accounts.findById(account.id()).orElseThrow().email()).isEqualTo(account.email());
	}

	@Test
	void theCurrentAddressIsAFieldError() {
		Account account = TestAccounts.create(accountService, Language.EN);
		HttpResponse<String> same = request(flow.signedIn(account), " " + account.email().toUpperCase(Locale.ROOT),
				TestAccounts.PASSWORD);
		assertThat(same.statusCode()).isEqualTo(400);
		assertThat(same.body()).contains("id=\"newEmail-error\"", "This is already the address of your account.");
	}

	@Test
	void lineBreaksOrAListInTheNewAddressAreA400AndMailNobody() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = flow.signedIn(account);
		for (String bad : new String[] { "victim@x.test\r\nBcc: attacker@evil.example",
				"victim@x.test%0d%0aBcc:attacker@evil.example", "victim@x.test, attacker@evil.example",
				"victim@x.test;attacker@evil.example", "Victim <attacker@evil.example>", "a".repeat(10_000) + "@x.test",
				"' OR 1=1--" }) {
			HttpResponse<String> refused = request(browser, bad, TestAccounts.PASSWORD);
			assertThat(refused.statusCode()).as(bad).isEqualTo(400);
			assertThat(refused.body()).contains("id=\"newEmail-error\"");
		}
		String csrf = browser.get("/account").body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		for (String body : new String[] { "newEmail=victim@x.test&newEmail=attacker@evil.example",
				"newEmail[]=attacker@evil.example" }) {
			HttpResponse<String> twice = browser
				.send(HttpRequest.newBuilder(URI.create(browser.base() + "/account/email"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(
							body + "&currentPassword=" + TestAccounts.PASSWORD.replace(' ', '+') + "&_csrf=" + csrf))
					.build());
			assertThat(twice.statusCode()).as(body).isEqualTo(400);
		}
		outbox.awaitDrained();
		assertThat(mailbox.allRecipients()).doesNotContain("attacker@evil.example", "victim@x.test");
		assertThat(accounts.findById(account.id()).orElseThrow().email()).isEqualTo(account.email());
	}

	@Test
	void wrongPasswordsAreLimitedPerAccount() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = flow.signedIn(account);
		for (int i = 0; i < EmailChangeService.WRONG_PASSWORDS.requests(); i++) {
			assertThat(request(browser, freshAddress(), "wrong password number " + i).statusCode()).isEqualTo(400);
		}
		HttpResponse<String> limited = request(browser, freshAddress(), TestAccounts.PASSWORD);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
		assertThat(limited.body()).contains("id=\"email-change-limited\"",
				"Too many attempts to change the e-mail address.");
	}

	@Test
	void parallelWrongPasswordsReachBcryptAtMostTheLimitAndTheRightOneWorksOnceTheWindowEnds() {
		Account account = TestAccounts.create(accountService, Language.EN);
		int limit = EmailChangeService.WRONG_PASSWORDS.requests();
		WebClient browser = flow.signedIn(account);
		double checksBefore = bcryptChecks();

		List<Integer> answers = Race.run(100,
				i -> browser
					.post("/account/email", Map.of("newEmail", freshAddress(), "currentPassword", "guess number " + i))
					.statusCode());

		assertThat(bcryptChecks() - checksBefore).isLessThanOrEqualTo(limit);
		assertThat(answers).filteredOn(status -> status == 400).hasSize(limit);
		assertThat(answers).filteredOn(status -> status == 429).hasSize(100 - limit);
		assertThat(request(browser, freshAddress(), TestAccounts.PASSWORD).statusCode()).isEqualTo(429);
		// The window ends: its counter expires in Redis.
		assertThat(redis.delete("rl:" + EmailChangeService.WRONG_PASSWORDS.name() + ":{" + account.id() + "}"))
			.isTrue();
		assertThat(request(browser, freshAddress(), TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
	}

	private double bcryptChecks() {
		return meters.get("password.bcrypt").tag("operation", "verify").timer().count();
	}

	// The E-mail address section of two answers differs only in the masked address and
	// the CSRF token.
	private static String emailSection(String page, String masked) {
		return page.replaceAll("(?s).*(<section[^>]*id=\"email-address\">.*?</section>).*", "$1")
			.replace(masked, "MASKED")
			.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}

}
