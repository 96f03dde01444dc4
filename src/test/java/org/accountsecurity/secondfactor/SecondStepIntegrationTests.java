package org.accountsecurity.secondfactor;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with TOTP on: the password leads to {@code /login/second-factor}, and only
 * an accepted code gives a session that may act for the account. Wrong, replayed and
 * stale codes are refused; parallel guesses are throttled; a recovery code works once.
 */
class SecondStepIntegrationTests extends SecondFactorIntegrationTest {

	@Test
	void thePasswordAloneGivesNoSessionTheCodeThenDoes() {
		Account account = TestAccounts.create(accountService, Language.EN);
		TotpTestSteps steps = new TotpTestSteps(clock);
		TotpTestSteps.Enrolled enrolled = steps.enrol(new WebClient(port), account);

		WebClient browser = new WebClient(port);
		HttpResponse<String> password = browser.signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(password.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login/second-factor"));
		assertThat(browser.get("/account").statusCode()).isEqualTo(302);
		assertThat(browser.get("/account/security/totp").statusCode()).isEqualTo(302);

		HttpResponse<String> step = browser.get("/login/second-factor");
		assertThat(step.body()).contains("name=\"code\"", "autocomplete=\"one-time-code\"");
		HttpResponse<String> code = browser.post("/login/second-factor",
				Map.of("code", steps.freshCode(enrolled.app())));
		assertThat(code.statusCode()).isEqualTo(302);
		assertThat(code.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);
		assertThat(auditTypes(account)).contains("SECOND_FACTOR_ENROLLED", "SECOND_FACTOR_SUCCEEDED");
	}

	@Test
	void aWrongPasswordIsAnsweredAlikeWithAndWithoutAFactor() {
		Account withFactor = TestAccounts.create(accountService, Language.EN);
		new TotpTestSteps(clock).enrol(new WebClient(port), withFactor);
		Account without = TestAccounts.create(accountService, Language.EN);
		HttpResponse<String> first = new WebClient(port).signIn(withFactor.email(), "not the password at all");
		HttpResponse<String> second = new WebClient(port).signIn(without.email(), "not the password at all");
		assertThat(first.statusCode()).isEqualTo(second.statusCode()).isEqualTo(302);
		assertThat(first.headers().firstValue("Location")).isEqualTo(second.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(first.headers().map().keySet()).isEqualTo(second.headers().map().keySet());
	}

	@Test
	void wrongReplayedAndStaleCodesAreRefused() {
		Account account = TestAccounts.create(accountService, Language.EN);
		TotpTestSteps steps = new TotpTestSteps(clock);
		TotpTestSteps.Enrolled enrolled = steps.enrol(new WebClient(port), account);

		String stale = enrolled.app().code(clock.instant().minus(Duration.ofSeconds(90)));
		String wrong = "123456".equals(stale) ? "654321" : "123456";
		assertThat(steps.signIn(new WebClient(port), account, stale).statusCode()).isEqualTo(400);
		WebClient browser = new WebClient(port);
		HttpResponse<String> refused = steps.signIn(browser, account, wrong);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"code-error\"", "aria-invalid=\"true\"");

		String code = steps.freshCode(enrolled.app());
		assertThat(browser.post("/login/second-factor", Map.of("code", code)).statusCode()).isEqualTo(302);
		// The same code again, within its window, in another browser.
		assertThat(steps.signIn(new WebClient(port), account, code).statusCode()).isEqualTo(400);
		assertThat(auditReasons(account, "SECOND_FACTOR_FAILED")).contains("wrong_code");
	}

	@Test
	void parallelWrongCodesGetAtMostTheLimitChecked() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		TotpTestSteps steps = new TotpTestSteps(clock);
		TotpTestSteps.Enrolled enrolled = steps.enrol(new WebClient(port), account);
		WebClient browser = steps.passwordStep(new WebClient(port), account);
		String right = steps.freshCode(enrolled.app());
		String wrong = right.equals("000000") ? "000001" : "000000";

		int threads = 20;
		CyclicBarrier barrier = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			answers.add(pool.submit(() -> {
				barrier.await();
				return browser.post("/login/second-factor", Map.of("code", wrong)).statusCode();
			}));
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		pool.shutdown();
		// The limit is 10 attempts per account; enrolment used one.
		assertThat(statuses).filteredOn(s -> s == 400).hasSize(9);
		assertThat(statuses).filteredOn(s -> s == 429).hasSize(11);
		HttpResponse<String> throttled = browser.post("/login/second-factor", Map.of("code", right));
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.body()).contains("id=\"second-factor-throttled\"");
		assertThat(auditReasons(account, "SECOND_FACTOR_FAILED")).contains("throttled");
	}

	@Test
	void aRecoveryCodeWorksOnce() {
		Account account = TestAccounts.create(accountService, Language.EN);
		TotpTestSteps.Enrolled enrolled = new TotpTestSteps(clock).enrol(new WebClient(port), account);
		TotpTestSteps steps = new TotpTestSteps(clock);
		String recovery = enrolled.recoveryCodes().get(3).toLowerCase().replace("-", "");

		WebClient browser = new WebClient(port);
		assertThat(steps.signIn(browser, account, recovery).statusCode()).isEqualTo(302);
		assertThat(browser.get("/account").body()).contains("id=\"recovery-codes-left\">9<");
		assertThat(steps.signIn(new WebClient(port), account, recovery).statusCode()).isEqualTo(400);
		assertThat(auditReasons(account, "RECOVERY_CODE_USED")).containsExactly("sign_in");
		assertThat(auditReasons(account, "SECOND_FACTOR_SUCCEEDED")).containsExactly("recovery_code");
	}

	@Test
	void aPasswordChangeBetweenTheStepsVoidsThePendingSignIn() {
		Account account = TestAccounts.create(accountService, Language.EN);
		TotpTestSteps steps = new TotpTestSteps(clock);
		TotpTestSteps.Enrolled enrolled = steps.enrol(new WebClient(port), account);
		WebClient browser = steps.passwordStep(new WebClient(port), account);
		jdbc.sql("update account set credential_version = credential_version + 1 where id = ?")
			.param(account.id())
			.update();
		HttpResponse<String> answer = browser.post("/login/second-factor",
				Map.of("code", steps.freshCode(enrolled.app())));
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
		assertThat(browser.get("/account").statusCode()).isEqualTo(302);
	}

	@Test
	void thePendingSignInExpires() {
		Account account = TestAccounts.create(accountService, Language.EN);
		TotpTestSteps steps = new TotpTestSteps(clock);
		TotpTestSteps.Enrolled enrolled = steps.enrol(new WebClient(port), account);
		WebClient browser = steps.passwordStep(new WebClient(port), account);
		clock.advance(Duration.ofMinutes(5));
		HttpResponse<String> answer = browser.post("/login/second-factor",
				Map.of("code", steps.freshCode(enrolled.app())));
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
		assertThat(browser.get("/login/second-factor").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
	}

	@Test
	void httpBasicNeverSignsInAnAccountWithASecondFactor() {
		Account account = TestAccounts.create(accountService, Language.EN);
		new TotpTestSteps(clock).enrol(new WebClient(port), account);
		WebClient client = new WebClient(port);
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((account.email() + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> withBasic = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/account"))
			.header("Authorization", basic)
			.header("Accept", "text/html")
			.GET()
			.build());
		assertThat(withBasic.statusCode()).isNotEqualTo(200);
		assertThat(client.get("/account").statusCode()).isEqualTo(302);
	}

	/**
	 * Not a timed assertion: prints the median of the second step (five accounts, five
	 * sign-ins each, within each account's attempt limit) for the record.
	 */
	@Test
	void theSecondStepsMedianTimeIsMeasured() {
		TotpTestSteps steps = new TotpTestSteps(clock);
		List<Long> micros = new ArrayList<>();
		for (int a = 0; a < 5; a++) {
			Account account = TestAccounts.create(accountService, Language.EN);
			TotpTestSteps.Enrolled enrolled = steps.enrol(new WebClient(port), account);
			for (int i = 0; i < 5; i++) {
				WebClient browser = steps.passwordStep(new WebClient(port), account);
				String code = steps.freshCode(enrolled.app());
				long start = System.nanoTime();
				HttpResponse<String> answer = browser.post("/login/second-factor", Map.of("code", code));
				micros.add((System.nanoTime() - start) / 1000);
				assertThat(answer.statusCode()).isEqualTo(302);
			}
		}
		micros.sort(Long::compare);
		System.out.printf("POST /login/second-factor p50 %.1f ms (n=%d, min %.1f, max %.1f)%n",
				micros.get(micros.size() / 2) / 1000.0, micros.size(), micros.get(0) / 1000.0,
				micros.get(micros.size() - 1) / 1000.0);
	}

}
