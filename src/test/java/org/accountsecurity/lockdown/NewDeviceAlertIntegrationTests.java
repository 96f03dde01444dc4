package org.accountsecurity.lockdown;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Authenticator;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.accountsecurity.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complete sign-in from a browser without a valid device cookie of the account mails
 * one "New sign-in" alert; a known browser none; parallel sign-ins of one new browser
 * share one mail (decided: same client address and user agent within the alert window); a
 * forged, altered or foreign cookie counts as none.
 */
class NewDeviceAlertIntegrationTests extends LockdownIntegrationTest {

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aNewBrowserIsMailedOnceAKnownOneNever() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = signedIn(new WebClient(port), account, TestAccounts.PASSWORD);
		String cookie = browser.cookie(DEVICE_COOKIE);
		assertThat(cookie).isNotBlank();

		List<MimeMessage> alerts = mailbox.await(account.email(), 1);
		assertThat(alerts).hasSize(1);
		MimeMessage alert = alerts.get(0);
		assertThat(subjectOf(alert)).isEqualTo(ALERT_SUBJECT);
		assertThat(Mailbox.text(alert)).contains("127.0.0.0", "This wasn't me", "Browser and system");
		assertThat(Mailbox.link(alert, "/account/lockdown?token=")).startsWith(baseUrl + "/account/lockdown?token=");

		// The same browser again (a new session, its cookie kept): no mail.
		WebClient again = new WebClient(port);
		again.setCookie(DEVICE_COOKIE, cookie);
		signedIn(again, account, TestAccounts.PASSWORD);
		assertThat(mails(account, ALERT_SUBJECT)).hasSize(1);
		assertThat(audit(account, "NEW_DEVICE_SIGN_IN")).hasSize(1);
	}

	@Test
	void withASecondFactorOnlyTheCompleteSignInCounts() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient enrolling = signedIn(new WebClient(port), account, TestAccounts.PASSWORD);
		HttpResponse<String> page = enrolling.get("/account/security/totp");
		Authenticator app = Authenticator.scan(page.body());
		assertThat(enrolling
			.post("/account/security/totp",
					Map.of("code", app.code(clock.instant()), "currentPassword", TestAccounts.PASSWORD))
			.statusCode()).isEqualTo(200);
		assertThat(audit(account, "NEW_DEVICE_SIGN_IN")).hasSize(1);

		WebClient browser = new WebClient(port);
		HttpResponse<String> password = browser.signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(password.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login/second-factor"));
		assertThat(browser.cookie(DEVICE_COOKIE)).isNull();
		assertThat(audit(account, "NEW_DEVICE_SIGN_IN")).hasSize(1);

		browser.get("/login/second-factor");
		clock.advance(Duration.ofSeconds(30));
		HttpResponse<String> code = browser.post("/login/second-factor", Map.of("code", app.code(clock.instant())));
		assertThat(code.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
		assertThat(browser.cookie(DEVICE_COOKIE)).isNotBlank();
		assertThat(audit(account, "NEW_DEVICE_SIGN_IN")).hasSize(2);
	}

	@Test
	void parallelSignInsOfOneNewBrowserShareOneMail() {
		Account account = TestAccounts.create(accountService, Language.EN);
		int n = 8;
		List<String> answers = Race.run(n,
				i -> new WebClient(port).signIn(account.email(), TestAccounts.PASSWORD)
					.headers()
					.firstValue("Location")
					.orElse(""));
		assertThat(answers).hasSize(n).allSatisfy(l -> assertThat(l).endsWith("/account"));
		assertThat(mails(account, ALERT_SUBJECT)).hasSize(1);
		List<String> audited = audit(account, "NEW_DEVICE_SIGN_IN");
		assertThat(audited).hasSize(n);
		assertThat(audited.stream().filter(d -> d.contains("yes"))).hasSize(1);
	}

	@Test
	void aForgedAlteredOrForeignCookieCountsAsNone() {
		Account account = TestAccounts.create(accountService, Language.EN);
		Account other = TestAccounts.create(accountService, Language.EN);
		String cookie = signedIn(new WebClient(port), account, TestAccounts.PASSWORD).cookie(DEVICE_COOKIE);
		String foreign = signedIn(new WebClient(port), other, TestAccounts.PASSWORD).cookie(DEVICE_COOKIE);
		mails(account, ALERT_SUBJECT);

		String payload = cookie.substring(0, cookie.indexOf('.'));
		String mac = cookie.substring(cookie.indexOf('.') + 1);
		String altered = payload + "." + (mac.charAt(0) == 'A' ? 'B' : 'A') + mac.substring(1);
		for (String bad : List.of(altered, payload, "forged." + mac, foreign)) {
			WebClient browser = new WebClient(port);
			browser.setCookie(DEVICE_COOKIE, bad);
			signedIn(browser, account, TestAccounts.PASSWORD);
			// A browser without a valid cookie gets a new device id.
			assertThat(browser.cookie(DEVICE_COOKIE)).isNotEqualTo(bad).doesNotStartWith(payload.substring(0, 10));
		}
		// Every one of them was a new device (audited; the mail is shared with the first,
		// same client address and user agent within the alert window).
		assertThat(audit(account, "NEW_DEVICE_SIGN_IN")).hasSize(5);
		assertThat(mails(account, ALERT_SUBJECT)).hasSize(1);
	}

}
