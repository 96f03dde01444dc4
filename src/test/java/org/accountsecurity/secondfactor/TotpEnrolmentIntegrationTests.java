package org.accountsecurity.secondfactor;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Authenticator;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Turning TOTP on from Account details: the QR code and the secret, the current password
 * and a code computed from the secret on the page, then ten recovery codes shown once and
 * stored as hashes; the secret only encrypted.
 */
class TotpEnrolmentIntegrationTests extends SecondFactorIntegrationTest {

	@Test
	void thePageShowsAQrCodeAndAtLeast160BitsOfSecretInline() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = new WebClient(port);
		browser.signIn(account.email(), TestAccounts.PASSWORD);
		HttpResponse<String> page = browser.get("/account/security/totp");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<svg", "id=\"totp-secret\"", "name=\"code\"", "name=\"currentPassword\"")
			.doesNotContain("<script>", "style=\"");
		String secret = Authenticator.scan(page.body()).secret();
		assertThat(Authenticator.decode(secret).length * 8).isGreaterThanOrEqualTo(160);
		// Reloading keeps the secret the app may already have scanned.
		assertThat(Authenticator.scan(browser.get("/account/security/totp").body()).secret()).isEqualTo(secret);
	}

	@Test
	void aWrongPasswordOrCodeTurnsNothingOn() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = new WebClient(port);
		browser.signIn(account.email(), TestAccounts.PASSWORD);
		Authenticator app = Authenticator.scan(browser.get("/account/security/totp").body());

		HttpResponse<String> wrongPassword = browser.post("/account/security/totp",
				Map.of("code", app.code(clock.instant()), "currentPassword", "not my password at all"));
		assertThat(wrongPassword.statusCode()).isEqualTo(400);
		assertThat(wrongPassword.body()).contains("id=\"currentPassword-error\"");

		HttpResponse<String> wrongCode = browser.post("/account/security/totp",
				Map.of("code", wrongCode(app), "currentPassword", TestAccounts.PASSWORD));
		assertThat(wrongCode.statusCode()).isEqualTo(400);
		assertThat(wrongCode.body()).contains("id=\"code-error\"");
		assertThat(totpRows(account)).isZero();
	}

	@Test
	void enrolmentShowsTenRecoveryCodesOnceAndStoresOnlyCiphertextAndHashes() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = new WebClient(port);
		TotpTestSteps.Enrolled enrolled = new TotpTestSteps(clock).enrol(browser, account);

		assertThat(enrolled.recoveryCodes()).doesNotHaveDuplicates()
			.allSatisfy(c -> assertThat(c).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"));
		String stored = jdbc.sql("select secret from totp_credential where account_id = ?")
			.param(account.id())
			.query(String.class)
			.single();
		byte[] raw = Authenticator.decode(enrolled.app().secret());
		assertThat(stored).doesNotContain(enrolled.app().secret())
			.doesNotContain(Base64.getEncoder().encodeToString(raw))
			.startsWith("test:");
		assertThat(jdbc.sql("select code_hash from recovery_code where account_id = ?")
			.param(account.id())
			.query(String.class)
			.list()).hasSize(10)
			.allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"))
			.doesNotContainAnyElementsOf(enrolled.recoveryCodes());

		// Afterwards the page shows neither the secret nor the codes.
		HttpResponse<String> after = browser.get("/account/security/totp");
		assertThat(after.body()).doesNotContain("totp-secret", enrolled.app().secret(), "id=\"recovery-codes\"");
		assertThat(after.body()).contains("id=\"totp-disable\"");
	}

	@Test
	void accountDetailsShowTwoStepSignInWithTheCodesLeft() {
		Account account = TestAccounts.create(accountService, Language.DE);
		WebClient browser = new WebClient(port);
		assertThat(new WebClient(port).signIn(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
		browser.signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(browser.get("/account").body()).contains("id=\"two-step-status\"", "Aus",
				"href=\"/account/security/totp\"");
		new TotpTestSteps(clock).enrol(browser, account);
		assertThat(browser.get("/account").body()).contains("Ein (Authenticator-App)", "id=\"recovery-codes-left\"")
			.doesNotContain("id=\"few-recovery-codes\"");
	}

	private int totpRows(Account account) {
		return jdbc.sql("select count(*) from totp_credential where account_id = ?")
			.param(account.id())
			.query(Integer.class)
			.single();
	}

	private String wrongCode(Authenticator app) {
		String right = app.code(clock.instant());
		return right.equals("000000") ? "000001" : "000000";
	}

}
