package org.accountsecurity.secondfactor;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Authenticator;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With TOTP on: new recovery codes void the old set, turning TOTP off needs the password
 * and a code, Account details warn when few codes are left, and operators see the kinds
 * of factor only.
 */
class SecondFactorChangesIntegrationTests extends SecondFactorIntegrationTest {

	@Test
	void newRecoveryCodesVoidTheOldSet() {
		Account account = TestAccounts.create(accountService, Language.EN);
		TotpTestSteps steps = new TotpTestSteps(clock);
		WebClient browser = new WebClient(port);
		TotpTestSteps.Enrolled enrolled = steps.enrol(browser, account);
		browser.get("/account/security/totp");

		HttpResponse<String> wrongPassword = browser.post("/account/security/recovery-codes",
				Map.of("currentPassword", "not my password at all", "code", steps.freshCode(enrolled.app())));
		assertThat(wrongPassword.statusCode()).isEqualTo(400);
		assertThat(wrongPassword.body()).contains("id=\"regenerate-currentPassword-error\"");

		HttpResponse<String> fresh = browser.post("/account/security/recovery-codes",
				Map.of("currentPassword", TestAccounts.PASSWORD, "code", enrolled.recoveryCodes().get(0)));
		assertThat(fresh.statusCode()).isEqualTo(200);
		List<String> newCodes = Authenticator.recoveryCodes(fresh.body());
		assertThat(newCodes).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());

		assertThat(steps.signIn(new WebClient(port), account, enrolled.recoveryCodes().get(1)).statusCode())
			.isEqualTo(400);
		assertThat(steps.signIn(new WebClient(port), account, newCodes.get(1)).statusCode()).isEqualTo(302);
		assertThat(auditTypes(account)).contains("RECOVERY_CODE_USED", "RECOVERY_CODES_REGENERATED");
	}

	@Test
	void parallelRegenerationsLeaveOneSetOfTen() {
		Account account = TestAccounts.create(accountService, Language.EN);
		TotpTestSteps steps = new TotpTestSteps(clock);
		WebClient browser = new WebClient(port);
		TotpTestSteps.Enrolled enrolled = steps.enrol(browser, account);
		browser.get("/account/security/totp");

		List<Integer> statuses = Race.run(4,
				i -> browser
					.post("/account/security/recovery-codes",
							Map.of("currentPassword", TestAccounts.PASSWORD, "code", enrolled.recoveryCodes().get(i)))
					.statusCode());

		assertThat(statuses).as("the first set voids the codes the others proved with")
			.containsOnly(200, 400)
			.containsOnlyOnce(200);
		assertThat(jdbc.sql("select count(*) from recovery_code where account_id = ? and used_at is null")
			.param(account.id())
			.query(Long.class)
			.single()).as("each new set voids the one before, also in parallel").isEqualTo(10);
	}

	@Test
	void turningTotpOffNeedsThePasswordAndACode() {
		Account account = TestAccounts.create(accountService, Language.EN);
		TotpTestSteps steps = new TotpTestSteps(clock);
		WebClient browser = new WebClient(port);
		TotpTestSteps.Enrolled enrolled = steps.enrol(browser, account);
		browser.get("/account/security/totp");

		HttpResponse<String> noCode = browser.post("/account/security/totp/disable",
				Map.of("currentPassword", TestAccounts.PASSWORD, "code", "000000"));
		assertThat(noCode.statusCode()).isEqualTo(400);
		assertThat(noCode.body()).contains("id=\"disable-code-error\"");

		HttpResponse<String> off = browser.post("/account/security/totp/disable",
				Map.of("currentPassword", TestAccounts.PASSWORD, "code", steps.freshCode(enrolled.app())));
		assertThat(off.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
		assertThat(browser.get("/account").body()).contains("id=\"totp-disabled\"");
		assertThat(jdbc.sql("select count(*) from recovery_code where account_id = ?")
			.param(account.id())
			.query(Integer.class)
			.single()).isZero();
		assertThat(new WebClient(port).signIn(account.email(), TestAccounts.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
		assertThat(auditTypes(account)).contains("SECOND_FACTOR_REMOVED");
	}

	@Test
	void accountDetailsWarnWhenThreeOrFewerCodesAreLeft() {
		Account account = TestAccounts.create(accountService, Language.EN);
		TotpTestSteps steps = new TotpTestSteps(clock);
		TotpTestSteps.Enrolled enrolled = steps.enrol(new WebClient(port), account);
		for (int i = 0; i < 7; i++) {
			assertThat(steps.signIn(new WebClient(port), account, enrolled.recoveryCodes().get(i)).statusCode())
				.isEqualTo(302);
		}
		WebClient browser = new WebClient(port);
		steps.signIn(browser, account, enrolled.recoveryCodes().get(7));
		assertThat(browser.get("/account").body()).contains("id=\"recovery-codes-left\">2<",
				"id=\"few-recovery-codes\"", "Only 2 recovery codes left");
	}

	@Test
	void operatorsSeeTheKindsOfFactorOnly() {
		Account account = TestAccounts.create(accountService, Language.EN);
		assertThat(accountJson(account)).contains("\"secondFactors\":[]");
		TotpTestSteps.Enrolled enrolled = new TotpTestSteps(clock).enrol(new WebClient(port), account);
		String json = accountJson(account);
		assertThat(json).contains("\"secondFactors\":[\"totp\"]")
			.doesNotContain(enrolled.app().secret(), enrolled.recoveryCodes().get(0));
	}

}
