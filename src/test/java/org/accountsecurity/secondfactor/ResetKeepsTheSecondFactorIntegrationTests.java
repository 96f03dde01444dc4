package org.accountsecurity.secondfactor;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reset changes the password and nothing else: the link's pages never show, enrol or
 * remove a factor, signing in afterwards still asks for the code, and the notice says the
 * factor is unchanged. Neither the secret nor any code reaches the log or the audit
 * trail.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResetKeepsTheSecondFactorIntegrationTests extends SecondFactorIntegrationTest {

	static final String NEW_PASSWORD = "a brand new passphrase, factor kept";

	@Autowired
	Mailbox mailbox;

	@Test
	void afterAResetSigningInStillAsksForTheCode(CapturedOutput output) throws Exception {
		Account account = TestAccounts.create(accountService, Language.PL);
		TotpTestSteps steps = new TotpTestSteps(clock);
		TotpTestSteps.Enrolled enrolled = steps.enrol(new WebClient(port), account);

		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		List<String> pages = new ArrayList<>();
		pages.add(browser.post("/password/forgot", Map.of("email", account.email())).body());
		MimeMessage linkMail = mailbox.await(account.email(), 1).get(0);
		String link = Mailbox.link(linkMail, "/password/reset?token=");
		HttpResponse<String> opened = browser.get(link.substring(BASE_URL.length()));
		assertThat(opened.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/password/reset/new"));
		pages.add(browser.get("/password/reset/new").body());
		HttpResponse<String> changed = browser.post("/password/reset/new",
				Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
		assertThat(changed.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?reset"));
		pages.add(browser.get("/login?reset").body());
		// No automatic sign-in, and nothing on the way offers a factor change.
		assertThat(browser.get("/account").statusCode()).isEqualTo(302);
		assertThat(pages).allSatisfy(page -> assertThat(page).doesNotContain("/account/security", "totp",
				"recovery-codes", "second-factor", enrolled.app().secret()));

		assertThat(jdbc.sql("select count(*) from totp_credential where account_id = ?")
			.param(account.id())
			.query(Integer.class)
			.single()).isOne();
		String notice = Mailbox.text(mailbox.await(account.email(), 2).get(1));
		assertThat(notice).contains("Twoje logowanie dwuetapowe pozostaje bez zmian");

		WebClient signIn = new WebClient(port);
		HttpResponse<String> password = signIn.signIn(account.email(), NEW_PASSWORD);
		assertThat(password.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login/second-factor"));
		assertThat(signIn.get("/account").statusCode()).isEqualTo(302);
		signIn.get("/login/second-factor");
		String code = steps.freshCode(enrolled.app());
		assertThat(signIn.post("/login/second-factor", Map.of("code", code)).statusCode()).isEqualTo(302);
		assertThat(signIn.get("/account").statusCode()).isEqualTo(200);

		List<String> secrets = new ArrayList<>(enrolled.recoveryCodes());
		secrets.add(enrolled.app().secret());
		secrets.add(code);
		String audit = jdbc.sql("select * from audit_event").query().listOfRows().toString();
		for (String secret : secrets) {
			assertThat(output.getAll()).doesNotContain(secret);
			assertThat(audit).doesNotContain(secret);
		}
	}

	@Test
	void theNoticeOfAnAccountWithoutAFactorSaysNothingAboutOne() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = new WebClient(port);
		browser.get("/password/forgot");
		browser.post("/password/forgot", Map.of("email", account.email()));
		String link = Mailbox.link(mailbox.await(account.email(), 1).get(0), "/password/reset?token=");
		browser.get(link.substring(BASE_URL.length()));
		browser.get("/password/reset/new");
		browser.post("/password/reset/new", Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
		assertThat(Mailbox.text(mailbox.await(account.email(), 2).get(1))).doesNotContain("two-step");
	}

}
