package org.accountsecurity.secondfactor;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Authenticator;
import org.accountsecurity.support.Browser;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in headless Chromium with its virtual authenticator (CTAP2, built in, resident
 * keys, user verification): signs in with the password (and the code, with TOTP on),
 * confirms it is them, adds a passkey, signs out and signs in with the passkey alone,
 * landing on Account details without a second step, in a new session. Neither the
 * credential id nor its public key reaches the audit trail or the log.
 */
@EnabledIf("org.accountsecurity.support.Browser#available")
@ExtendWith(OutputCaptureExtension.class)
class PasskeyBrowserIntegrationTests extends SecondFactorIntegrationTest {

	@Test
	void aPasskeySignsInWithoutPasswordOrCodeEvenWithTotpOn(CapturedOutput output) {
		Account account = TestAccounts.create(accountService, Language.EN);
		TotpTestSteps steps = new TotpTestSteps(clock);
		Authenticator app = steps.enrol(new WebClient(port), account).app();
		try (Browser browser = new Browser(BASE_URL)) {
			VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(
					new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
						.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
						.setHasResidentKey(true)
						.setHasUserVerification(true)
						.setIsUserVerified(true));
			signInWithPasswordAndCode(browser, account, steps.freshCode(app));

			browser.open("/account/security/passkeys");
			browser.await(By.id("proof-currentPassword")).sendKeys(TestAccounts.PASSWORD);
			browser.driver().findElement(By.id("proof-code")).sendKeys(steps.freshCode(app));
			browser.driver().findElement(By.id("passkey-proof-submit")).click();
			browser.await(By.id("passkey-name")).sendKeys("Test laptop");
			browser.driver().findElement(By.id("passkey-register")).click();
			browser.await(By.id("passkey-added"));
			assertThat(browser.driver().findElement(By.id("passkeys")).getText()).contains("Test laptop");
			assertThat(authenticator.getCredentials()).hasSize(1);

			((JavascriptExecutor) browser.driver())
				.executeScript("document.querySelector('form[action$=\"/logout\"]').submit()");
			browser.await(By.id("passkey-sign-in"));
			Cookie anonymous = browser.driver().manage().getCookieNamed("SESSION");
			long started = System.nanoTime();
			try {
				browser.driver().findElement(By.id("passkey-sign-in")).click();
			}
			catch (WebDriverException ex) {
				// The autofill's ceremony signed in first (see below).
			}
			browser.await(By.id("account-menu-button"));
			long signInMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
				.until(ExpectedConditions.urlMatches("/account$"));
			assertThat(browser.driver().findElement(By.id("passkey-count")).getText()).isEqualTo("1");
			Cookie signedIn = browser.driver().manage().getCookieNamed("SESSION");
			assertThat(signedIn).isNotNull();
			if (anonymous != null) {
				assertThat(signedIn.getValue()).isNotEqualTo(anonymous.getValue());
			}
			List<Long> millis = new java.util.ArrayList<>(List.of(signInMillis));
			for (int i = 0; i < 4; i++) {
				millis.add(signOutAndInWithThePasskey(browser));
			}
			millis.sort(null);
			System.out.println("Passkey sign-in, sign-in page to Account details (ms, 5 runs): " + millis + ", p50 "
					+ millis.get(2));

			// A lockdown stops the passkey as well: it is proven, so the page tells the
			// holder.
			jdbc.sql("update account set locked_down_at = ? where id = ?")
				.params(Timestamp.from(clock.instant()), account.id())
				.update();
			((JavascriptExecutor) browser.driver())
				.executeScript("document.querySelector('form[action$=\"/logout\"]').submit()");
			try {
				browser.await(By.id("passkey-sign-in")).click();
			}
			catch (WebDriverException ex) {
				// The autofill's ceremony was refused first.
			}
			browser.await(By.id("locked-down"));
			assertThat(browser.driver().manage().getCookieNamed("SESSION") == null
					|| browser.driver().findElements(By.id("account-menu-button")).isEmpty())
				.isTrue();
		}
		assertThat(auditTypes(account)).containsSubsequence("PASSKEY_REGISTERED", "PASSKEY_SIGN_IN_SUCCEEDED",
				"SIGN_IN_SUCCEEDED", "PASSKEY_SIGN_IN_FAILED");
		assertThat(auditTypes(account)).doesNotContain("SECOND_FACTOR_FAILED");
		assertThat(jdbc.sql("select distinct reason from audit_event where account_id = ? and type = ?")
			.params(account.id(), "PASSKEY_SIGN_IN_FAILED")
			.query(String.class)
			.list()).containsExactly("locked_down");
		assertThat(auditTypes(account).stream().filter("PASSKEY_SIGN_IN_SUCCEEDED"::equals)).hasSize(5);
		List<String> credential = jdbc
			.sql("select credential_id from user_credentials c join user_entities u on u.id = c.user_entity_user_id"
					+ " where u.account_id = ?")
			.param(account.id())
			.query(String.class)
			.list();
		assertThat(credential).hasSize(1);
		String audit = String.join("\n", jdbc
			.sql("select coalesce(reason, '') || ' ' || coalesce(details, '') from audit_event where account_id = ?")
			.param(account.id())
			.query(String.class)
			.list());
		assertThat(audit).contains(PasskeyReference.of(credential.get(0)));
		assertThat(audit).doesNotContain(credential.get(0));
		assertThat(output.getAll()).doesNotContain(credential.get(0));
	}

	private static long signOutAndInWithThePasskey(Browser browser) {
		((JavascriptExecutor) browser.driver())
			.executeScript("document.querySelector('form[action$=\"/logout\"]').submit()");
		long started = System.nanoTime();
		try {
			browser.await(By.id("passkey-sign-in")).click();
		}
		catch (WebDriverException ex) {
			// Chromium's virtual authenticator answers the address field's autofill
			// (conditional mediation) by itself: that passkey may sign in before or
			// during the click (the button is stale or gone).
		}
		browser.await(By.id("account-menu-button"));
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

	private static void signInWithPasswordAndCode(Browser browser, Account account, String code) {
		browser.open("/login");
		browser.await(By.id("username")).sendKeys(account.email());
		browser.driver().findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
		browser.await(By.id("code")).sendKeys(code);
		browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
		browser.await(By.id("account-menu-button"));
	}

}
