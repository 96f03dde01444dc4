package org.accountsecurity.account;

import java.util.List;

import org.accountsecurity.support.Accessibility;
import org.accountsecurity.support.Browser;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in headless Chromium finds, on Account details → Security, the session a
 * second client (another browser) holds, and signs it out with the keyboard.
 */
@EnabledIf("org.accountsecurity.support.Browser#available")
class SessionsBrowserIntegrationTests extends IntegrationTest {

	@Autowired
	AccountService accounts;

	@Test
	void theKeyboardSignsOutTheOtherSessionFromTheList() {
		Account account = TestAccounts.create(accounts, Language.EN);
		WebClient phone = new WebClient(SERVER_PORT, org.accountsecurity.device.UserAgentsTests.SAFARI_IPHONE);
		phone.signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(phone.get("/account").statusCode()).isEqualTo(200);
		try (Browser browser = new Browser(BASE_URL)) {
			browser.open("/login?lang=en");
			browser.await(By.id("username")).sendKeys(account.email());
			browser.driver().findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD, Keys.ENTER);
			browser.await(By.id("sessions-heading"));
			List<WebElement> rows = browser.driver().findElements(By.cssSelector("#sessions tbody tr"));
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0).getText()).contains("This device");
			Document page = Jsoup.parse(browser.driver().getPageSource());
			Accessibility.assertScrollableTablesFocusable(page, "Account details");
			assertThat(page.select("#sessions caption").text()).isNotBlank();

			WebElement signOut = browser.driver().findElement(By.cssSelector("#sessions button.session-sign-out"));
			assertThat(signOut.getAttribute("aria-label")).isEqualTo("Sign out Mobile Safari 17 on iOS 17");
			tabTo(browser, signOut);
			browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);

			WebElement confirmation = browser.await(By.id("session-revoked"));
			assertThat(confirmation.getText()).contains("signed out");
			assertThat(browser.driver().findElements(By.cssSelector("#sessions tbody tr"))).hasSize(1);
			assertThat(browser.driver().findElement(By.id("active-sessions")).getText()).isEqualTo("1");
		}
		assertThat(phone.get("/account").statusCode()).as("the phone's session ended").isEqualTo(302);
	}

	// Tab from the top of the page until the control has the focus: it is reachable by
	// keyboard, in the page's order.
	private static void tabTo(Browser browser, WebElement target) {
		browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
		for (int i = 0; i < 80 && !browser.driver().switchTo().activeElement().equals(target); i++) {
			browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
		}
		assertThat(browser.driver().switchTo().activeElement()).isEqualTo(target);
	}

}
