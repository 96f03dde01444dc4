package org.accountsecurity.lockdown;

import java.util.List;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP device cookies: a flood of wrong passwords for an address from browsers without
 * its device cookie uses up the address's limit, and the holder's own browser (with its
 * cookie) still signs in; its own failures count in its own bucket, as race-safe as the
 * address's.
 */
class DeviceThrottleIntegrationTests extends LockdownIntegrationTest {

	// app.sign-in.per-account-limit.requests (default)
	private static final int LIMIT = 10;

	@Test
	void aFloodFromElsewhereLeavesTheHoldersBrowserSigningIn() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String cookie = signedIn(new WebClient(port), account, TestAccounts.PASSWORD).cookie(DEVICE_COOKIE);

		List<String> flood = Race.run(LIMIT + 5,
				i -> location(new WebClient(port).signIn(account.email(), "wrong password number " + i)));
		assertThat(flood.stream().filter(l -> l.endsWith("/login?throttled"))).hasSize(5);
		assertThat(location(new WebClient(port).signIn(account.email(), TestAccounts.PASSWORD)))
			.endsWith("/login?throttled");
		WebClient forged = new WebClient(port);
		forged.setCookie(DEVICE_COOKIE, cookie.substring(0, cookie.length() - 2) + "xx");
		assertThat(location(forged.signIn(account.email(), TestAccounts.PASSWORD))).endsWith("/login?throttled");

		WebClient holder = new WebClient(port);
		holder.setCookie(DEVICE_COOKIE, cookie);
		signedIn(holder, account, TestAccounts.PASSWORD);
	}

	@Test
	void theHoldersBrowserHasItsOwnRaceSafeLimit() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String cookie = signedIn(new WebClient(port), account, TestAccounts.PASSWORD).cookie(DEVICE_COOKIE);
		List<String> guesses = Race.run(LIMIT + 5, i -> {
			WebClient browser = new WebClient(port);
			browser.setCookie(DEVICE_COOKIE, cookie);
			return location(browser.signIn(account.email(), "wrong password number " + i));
		});
		assertThat(guesses.stream().filter(l -> l.endsWith("/login?error"))).hasSize(LIMIT);
		// The address's own bucket is untouched: another browser still signs in.
		signedIn(new WebClient(port), account, TestAccounts.PASSWORD);
	}

	private static String location(java.net.http.HttpResponse<String> answer) {
		return answer.headers().firstValue("Location").orElse("");
	}

}
