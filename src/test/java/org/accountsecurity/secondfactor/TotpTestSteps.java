package org.accountsecurity.secondfactor;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.accountsecurity.account.Account;
import org.accountsecurity.support.Authenticator;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.TestClock;
import org.accountsecurity.support.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps the TOTP tests share: enrol through the pages, and fresh codes. Each fresh code
 * moves the test clock one time step on, as real time would between two sign-ins, since a
 * step once used is refused.
 */
final class TotpTestSteps {

	private final TestClock clock;

	TotpTestSteps(TestClock clock) {
		this.clock = clock;
	}

	record Enrolled(Authenticator app, List<String> recoveryCodes) {
	}

	/** Signs in with the password alone and turns TOTP on through the pages. */
	Enrolled enrol(WebClient browser, Account account) {
		assertThat(browser.signIn(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
		HttpResponse<String> page = browser.get("/account/security/totp");
		assertThat(page.statusCode()).isEqualTo(200);
		Authenticator app = Authenticator.scan(page.body());
		HttpResponse<String> done = browser.post("/account/security/totp",
				Map.of("code", app.code(clock.instant()), "currentPassword", TestAccounts.PASSWORD));
		assertThat(done.statusCode()).isEqualTo(200);
		List<String> codes = Authenticator.recoveryCodes(done.body());
		assertThat(codes).hasSize(10);
		return new Enrolled(app, codes);
	}

	/** A code for the next time step. */
	String freshCode(Authenticator app) {
		clock.advance(Duration.ofSeconds(30));
		return app.code(clock.instant());
	}

	/** Password, then the second step with {@code code}; returns the second answer. */
	HttpResponse<String> signIn(WebClient browser, Account account, String code) {
		return passwordStep(browser, account).post("/login/second-factor", Map.of("code", code));
	}

	/** The password step, which leads to the second step's page. */
	WebClient passwordStep(WebClient browser, Account account) {
		HttpResponse<String> first = browser.signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(first.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login/second-factor"));
		assertThat(browser.get("/login/second-factor").statusCode()).isEqualTo(200);
		return browser;
	}

}
