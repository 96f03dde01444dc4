package org.accountsecurity.account;

import java.net.http.HttpResponse;
import java.util.Map;

import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile form on Account details: what it refuses is shown on the form (it used to
 * answer 500, as the refused form could not be kept in the Redis session).
 */
class ProfileIntegrationTests extends IntegrationTest {

	@Autowired
	AccountService accountService;

	@Autowired
	Accounts accounts;

	@Test
	void aNameOfOnlySpacesIsRefusedOnTheForm() {
		Account account = TestAccounts.create(accountService, Language.EN);

		HttpResponse<String> refused = submit(account, "   ", "en");

		assertRefused(refused, account, "displayName", "Enter your name.");
	}

	@Test
	void anEmptyNameIsRefusedOnTheForm() {
		Account account = TestAccounts.create(accountService, Language.EN);

		HttpResponse<String> refused = submit(account, "", "en");

		assertRefused(refused, account, "displayName", "Enter your name.");
	}

	@Test
	void aNameOf101CharactersIsRefusedAndShownAgainForCorrection() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String tooLong = "a".repeat(101);

		HttpResponse<String> refused = submit(account, tooLong, "en");

		assertRefused(refused, account, "displayName", "Use at most 100 characters for your name.");
		assertThat(refused.body()).contains("value=\"" + tooLong + "\"");
	}

	@Test
	void anUnknownLanguageIsRefusedOnTheForm() {
		Account account = TestAccounts.create(accountService, Language.EN);

		HttpResponse<String> refused = submit(account, "Robin Quill", "xx");

		assertRefused(refused, account, "language", "Choose English, Deutsch or Polski.");
		assertThat(refused.body()).doesNotContain("id=\"displayName-error\"");
	}

	@Test
	void bothProblemsAreShownInThePersonsLanguage() {
		Account german = TestAccounts.create(accountService, Language.DE);
		HttpResponse<String> refused = submit(german, " ", "xx");
		assertRefused(refused, german, "displayName", "Geben Sie Ihren Namen ein.");
		assertThat(refused.body()).contains("id=\"language-error\"", "Wählen Sie English, Deutsch oder Polski.");

		Account polish = TestAccounts.create(accountService, Language.PL);
		assertRefused(submit(polish, "b".repeat(101), "pl"), polish, "displayName",
				"Imię i nazwisko może mieć najwyżej 100 znaków.");
	}

	@Test
	void aValidProfileIsSavedAndConfirmedAfterTheRedirect() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = signedIn(account);

		HttpResponse<String> saved = browser.post("/account/profile",
				Map.of("displayName", "  Robin Q. Quill ", "language", "de"));

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(browser.get("/account").body()).contains("Ihr Profil wurde gespeichert.",
				"value=\"Robin Q. Quill\"");
		Account stored = accounts.findById(account.id()).orElseThrow();
		assertThat(stored.displayName()).isEqualTo("Robin Q. Quill");
		assertThat(stored.language()).isEqualTo(Language.DE);
	}

	private HttpResponse<String> submit(Account account, String displayName, String language) {
		return signedIn(account).post("/account/profile", Map.of("displayName", displayName, "language", language));
	}

	private WebClient signedIn(Account account) {
		WebClient browser = new WebClient(SERVER_PORT);
		browser.signIn(account.email(), TestAccounts.PASSWORD);
		browser.get("/account");
		return browser;
	}

	private void assertRefused(HttpResponse<String> refused, Account account, String field, String message) {
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"" + field + "-error\"", message, "aria-invalid=\"true\"",
				"aria-describedby=\"" + field + "-error\"");
		Account stored = accounts.findById(account.id()).orElseThrow();
		assertThat(stored.displayName()).isEqualTo(account.displayName());
		assertThat(stored.language()).isEqualTo(account.language());
	}

}
