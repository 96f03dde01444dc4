package org.accountsecurity.dev;

import java.util.Map;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Browser;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev mailbox in headless Chromium: the framed HTML part renders with its link (the
 * policies let the mailbox frame it), and the page reloads by itself when a mail arrives.
 */
@EnabledIf("org.accountsecurity.support.Browser#available")
class DevMailBrowserIntegrationTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Outbox outbox;

	@Test
	void theHtmlPartRendersInItsFrameAndANewMailShowsUpWithoutAReload() {
		Account first = TestAccounts.create(accounts, Language.EN);
		Account second = TestAccounts.create(accounts, Language.EN);
		requestReset(first);
		mailbox.await(first.email(), 1);
		// The page reloads with every mail that arrives: earlier tests' mails are sent
		// first.
		outbox.awaitDrained();
		try (Browser browser = new Browser(BASE_URL)) {
			browser.open("/dev/mail");
			WebElement row = browser
				.await(By.xpath("//tr[td[contains(., '" + first.email() + "')]]//a[starts-with(@href, '#mail-')]"));
			String article = row.getAttribute("href").substring(row.getAttribute("href").indexOf('#') + 1);
			WebElement frame = browser.await(By.cssSelector("#" + article + " iframe"));
			// The frames load lazily: one below the fold loads once it is in view.
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", frame);
			browser.driver().switchTo().frame(frame);
			WebElement link = browser.await(By.cssSelector("a[href*='/password/reset?token=']"));
			assertThat(link.getText()).isNotBlank();
			browser.driver().switchTo().defaultContent();

			requestReset(second);
			assertThat(browser.await(By.xpath("//tr[td[contains(., '" + second.email() + "')]]")).isDisplayed())
				.isTrue();
		}
	}

	private void requestReset(Account account) {
		WebClient client = new WebClient(port);
		client.get("/password/forgot");
		assertThat(client.post("/password/forgot", Map.of("email", account.email())).statusCode()).isEqualTo(200);
	}

}
