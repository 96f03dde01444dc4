package org.accountsecurity.passwordreset;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.Language;
import org.accountsecurity.password.PasswordHasher;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reset link dies when the password is changed another way (docs/security.md TK-09):
 * through a link an operator sent, or by a change of the stored password that sends no
 * link at all (the credential version in the token no longer matches). Rejected when
 * opened, when the form opened before the change is submitted, and through the API.
 */
class ResetLinkAfterAnotherChangeIntegrationTests extends IntegrationTest {

	static final String OTHER_WAYS_PASSWORD = "the passphrase set the other way";

	static final String LATE_PASSWORD = "a late passphrase from the old link";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordHasher hasher;

	@Autowired
	Mailbox mailbox;

	@Test
	void aLinkIsRefusedAfterThePasswordWasChangedThroughALinkAnOperatorSent() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		String first = forgot(account);
		WebClient early = openForm(first);

		WebClient operator = new WebClient(port);
		operator.signIn("operator@example.com", "audit trail keeper 2026");
		operator.get("/operator/audit?email=" + account.email());
		assertThat(operator.post("/operator/accounts/" + account.id() + "/password-reset", Map.of()).statusCode())
			.isEqualTo(302);
		MimeMessage operators = mailbox.await(account.email(), 2).get(1);
		WebClient holder = openForm(Mailbox.link(operators, "/password/reset?token="));
		assertThat(holder
			.post("/password/reset/new",
					Map.of("password", OTHER_WAYS_PASSWORD, "confirmPassword", OTHER_WAYS_PASSWORD))
			.statusCode()).isEqualTo(303);

		assertRefused(first, early);
		assertThat(signIn(account, OTHER_WAYS_PASSWORD)).endsWith("/account");
		assertThat(signIn(account, LATE_PASSWORD)).endsWith("/login?error");
	}

	@Test
	void aLinkIsRefusedAfterTheStoredPasswordChangedWithoutAnyLink() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		String first = forgot(account);
		WebClient early = openForm(first);

		accounts.changePassword(account.id(), hasher.hash(OTHER_WAYS_PASSWORD), Instant.now());

		assertRefused(first, early);
		assertThat(signIn(account, OTHER_WAYS_PASSWORD)).endsWith("/account");
		assertThat(signIn(account, LATE_PASSWORD)).endsWith("/login?error");
	}

	private void assertRefused(String link, WebClient early) throws Exception {
		HttpResponse<String> submitted = early.post("/password/reset/new",
				Map.of("password", LATE_PASSWORD, "confirmPassword", LATE_PASSWORD));
		assertThat(submitted.statusCode()).isEqualTo(410);
		assertThat(submitted.body()).contains("data-state=\"revoked\"");
		HttpResponse<String> opened = new WebClient(port).get(link.substring(BASE_URL.length()));
		assertThat(opened.statusCode()).isEqualTo(410);
		assertThat(opened.body()).contains("data-state=\"revoked\"");
		String token = link.replaceAll(".*token=([^&]+).*", "$1");
		HttpResponse<String> api = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/password-resets/complete"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"token\":\"" + token + "\",\"newPassword\":\"" + LATE_PASSWORD + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(410);
		assertThat(api.body()).contains("\"reason\":\"revoked\"");
	}

	private String forgot(Account account) {
		WebClient person = new WebClient(port);
		person.get("/password/forgot");
		person.post("/password/forgot", Map.of("email", account.email()));
		return Mailbox.link(mailbox.await(account.email(), 1).get(0), "/password/reset?token=");
	}

	private WebClient openForm(String link) {
		WebClient browser = new WebClient(port);
		assertThat(browser.get(link.substring(BASE_URL.length())).statusCode()).isEqualTo(303);
		assertThat(browser.get("/password/reset/new").statusCode()).isEqualTo(200);
		return browser;
	}

	private String signIn(Account account, String password) {
		return new WebClient(port).signIn(account.email(), password).headers().firstValue("Location").orElse("");
	}

}
