package org.accountsecurity.secondfactor;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in with a second step is listed among the sessions with its device and the time
 * the second step completed, not the time of the password.
 */
class SecondStepSessionListIntegrationTests extends SecondFactorIntegrationTest {

	static final String FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

	@Test
	void theSecondStepRecordsTheDeviceWhenItCompletes() {
		Account account = TestAccounts.create(accountService, Language.EN);
		TotpTestSteps steps = new TotpTestSteps(clock);
		TotpTestSteps.Enrolled enrolled = steps.enrol(new WebClient(port), account);
		WebClient firefox = steps.passwordStep(new WebClient(port, FIREFOX_WINDOWS), account);
		String code = steps.freshCode(enrolled.app());
		Instant completed = clock.instant();

		HttpResponse<String> done = firefox.post("/login/second-factor", Map.of("code", code));

		assertThat(done.statusCode()).isEqualTo(302);
		HttpResponse<String> page = firefox.get("/account");
		Element current = Jsoup.parse(page.body()).selectFirst("#sessions tbody tr");
		assertThat(Jsoup.parse(page.body()).select("#sessions tbody tr")).hasSize(2);
		assertThat(current.select("th").text()).isEqualTo("Firefox 128 on Windows 10 This device");
		// The password step was before this instant: a later one is the second step's.
		assertThat(Instant.parse(current.select("time").first().attr("datetime"))).isAfterOrEqualTo(completed);
	}

}
