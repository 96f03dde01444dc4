package org.accountsecurity.lockdown;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "This wasn't me": the mailed link locks the account down at once (every session dead,
 * reset and e-mail-change links revoked, the password refused with the locked message,
 * HTTP Basic too); a reset through the forgot-password mail restores access and clears
 * the lock; the link works once, also when two browsers confirm it at the same moment.
 */
class LockdownIntegrationTests extends LockdownIntegrationTest {

	private static final String NEW_PASSWORD = "copper kettle under the stairs 9";

	private static final String RESET_SUBJECT = "Reset your password";

	@Test
	void theMailedLinkLocksEverythingAndAResetUnlocks() {
		Account account = TestAccounts.operator(accountService);
		Account operator = TestAccounts.operator(accountService);
		WebClient first = signedIn(new WebClient(port), account, TestAccounts.PASSWORD);
		WebClient second = signedIn(new WebClient(port), account, TestAccounts.PASSWORD);
		String lockdownLink = Mailbox.link(mails(account, ALERT_SUBJECT).get(0), "/account/lockdown?token=");
		assertThat(basic(account, TestAccounts.PASSWORD, account).statusCode()).isEqualTo(200);
		requestReset(account);
		String oldResetLink = Mailbox.link(mails(account, RESET_SUBJECT).get(0), "/password/reset?token=");
		String newEmail = "moved-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		first.get("/account");
		first.post("/account/email", Map.of("newEmail", newEmail, "currentPassword", TestAccounts.PASSWORD));
		String emailChangeLink = Mailbox.link(mailbox.await(newEmail, 1).get(0), "/account/email/confirm?token=");

		WebClient holder = new WebClient(port);
		HttpResponse<String> opened = holder.get(localPath(lockdownLink));
		assertThat(opened.statusCode()).isEqualTo(303);
		assertThat(opened.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/account/lockdown").doesNotContain("token"));
		assertThat(holder.get("/account/lockdown").body()).contains("id=\"lock-account\"");
		assertThat(audit(account, "ACCOUNT_LOCKED_BY_HOLDER")).isEmpty();
		HttpResponse<String> locked = holder.post("/account/lockdown", Map.of());
		assertThat(locked.statusCode()).isEqualTo(200);
		assertThat(locked.body()).contains("id=\"locked-down\"", "id=\"reset-after-lockdown\"");

		assertThat(first.get("/account").statusCode()).isEqualTo(302);
		assertThat(second.get("/account").statusCode()).isEqualTo(302);
		assertThat(new WebClient(port).get(localPath(oldResetLink)).statusCode()).isBetween(400, 499);
		assertThat(new WebClient(port).get(localPath(emailChangeLink)).statusCode()).isEqualTo(410);
		assertThat(location(new WebClient(port).signIn(account.email(), TestAccounts.PASSWORD)))
			.endsWith("/login?locked");
		assertThat(new WebClient(port).get("/login?locked").body()).contains("id=\"locked-down\"");
		// Before the password is proven, a locked account answers like any other.
		assertThat(location(new WebClient(port).signIn(account.email(), "not the password at all")))
			.endsWith("/login?error");
		assertThat(basic(account, TestAccounts.PASSWORD, account).statusCode()).isEqualTo(401);
		assertThat(basic(operator, TestAccounts.PASSWORD, account).body()).containsPattern("\"lockedDownAt\":\"20");
		assertThat(audit(account, "ACCOUNT_LOCKED_BY_HOLDER")).hasSize(1);
		assertThat(signedIn(new WebClient(port), operator, TestAccounts.PASSWORD)
			.get("/operator/audit?email=" + account.email())
			.body()).containsPattern("id=\"account-lockdown\">\\s*<time datetime=\"20");
		assertThat(mails(account, "Your account is locked")).hasSize(1);
		noSecretsIn(account, lockdownLink, mails(account, ALERT_SUBJECT).get(0),
				mails(account, "Your account is locked").get(0));
		assertThat(new WebClient(port).get(localPath(lockdownLink)).statusCode()).isEqualTo(400);

		requestReset(account);
		String resetLink = Mailbox.link(mails(account, RESET_SUBJECT).get(1), "/password/reset?token=");
		WebClient resetting = new WebClient(port);
		assertThat(resetting.get(localPath(resetLink)).statusCode()).isEqualTo(303);
		resetting.get("/password/reset/new");
		assertThat(
				resetting.post("/password/reset/new", Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
					.statusCode())
			.isEqualTo(303);
		signedIn(new WebClient(port), account, NEW_PASSWORD);
		assertThat(location(new WebClient(port).signIn(account.email(), TestAccounts.PASSWORD)))
			.endsWith("/login?error");
		assertThat(basic(operator, TestAccounts.PASSWORD, account).body()).contains("\"lockedDownAt\":null");
		assertThat(audit(account, "PASSWORD_CHANGED")).hasSize(1);
	}

	@Test
	void twoBrowsersConfirmingOneLinkLockOnce() {
		Account account = TestAccounts.create(accountService, Language.EN);
		signedIn(new WebClient(port), account, TestAccounts.PASSWORD);
		String link = localPath(Mailbox.link(mails(account, ALERT_SUBJECT).get(0), "/account/lockdown?token="));
		List<WebClient> browsers = List.of(new WebClient(port), new WebClient(port));
		browsers.forEach(b -> assertThat(b.get(link).statusCode()).isEqualTo(303));
		browsers.forEach(b -> assertThat(b.get("/account/lockdown").statusCode()).isEqualTo(200));
		List<Integer> answers = Race.run(2, i -> browsers.get(i).post("/account/lockdown", Map.of()).statusCode());
		assertThat(answers).containsExactlyInAnyOrder(200, 400);
		assertThat(audit(account, "ACCOUNT_LOCKED_BY_HOLDER")).hasSize(1);
	}

	@Test
	void aTamperedLinkShowsNothingToConfirm() {
		Account account = TestAccounts.create(accountService, Language.EN);
		signedIn(new WebClient(port), account, TestAccounts.PASSWORD);
		String token = Mailbox.tokenOf(Mailbox.link(mails(account, ALERT_SUBJECT).get(0), "/account/lockdown?token="));
		String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
		WebClient browser = new WebClient(port);
		assertThat(browser.get("/account/lockdown?token=" + altered).statusCode()).isEqualTo(400);
		assertThat(browser.get("/account/lockdown?token=" + token + "&token=" + token).statusCode()).isEqualTo(400);
		assertThat(browser.get("/account/lockdown").statusCode()).isEqualTo(400);
		browser.get("/login");
		assertThat(browser.post("/account/lockdown", Map.of()).statusCode()).isEqualTo(400);
	}

	// As MailSecretsIntegrationTests scans every other kind: both parts, no password or
	// hash, the token only inside its link.
	private void noSecretsIn(Account account, String link, MimeMessage... mails) {
		String hash = jdbc.sql("select password_hash from account where id = ?")
			.param(account.id())
			.query(String.class)
			.single();
		for (MimeMessage mail : mails) {
			String text = Mailbox.text(mail);
			String outsideLinks = text.replaceAll("https?://[^\\s\"'<>]+", " ");
			assertThat(text).contains("--", "<html")
				.doesNotContain(TestAccounts.PASSWORD, hash, hash.substring(hash.indexOf('$') + 7));
			assertThat(outsideLinks).doesNotContain(Mailbox.tokenOf(link));
		}
	}

	private void requestReset(Account account) {
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		assertThat(browser.post("/password/forgot", Map.of("email", account.email())).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> basic(Account as, String password, Account shown) {
		String credentials = Base64.getEncoder()
			.encodeToString((as.email() + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new WebClient(port).send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/accounts/" + shown.id()))
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json")
			.GET()
			.build());
	}

	private static String location(HttpResponse<String> answer) {
		return answer.headers().firstValue("Location").orElse("");
	}

}
