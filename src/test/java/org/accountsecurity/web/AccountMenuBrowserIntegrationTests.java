package org.accountsecurity.web;

import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Browser;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in headless Chromium: signs in, opens the menu under their name with the
 * keyboard and by hover.
 */
@EnabledIf("org.accountsecurity.support.Browser#available")
class AccountMenuBrowserIntegrationTests extends IntegrationTest {

	@Autowired
	AccountService accounts;

	@Test
	void theKeyboardOpensTheAccountMenuAndReachesAccountDetails() {
		var account = TestAccounts.create(accounts, Language.EN);
		try (Browser browser = new Browser(BASE_URL)) {
			signIn(browser, account.email());
			browser.open("/login?lang=en");
			browser.open("/account");
			browser.await(By.id("account-menu-button"));
			WebElement menuItem = browser.driver().findElement(By.cssSelector("#account-menu a[href$='/account']"));
			assertThat(menuItem.isDisplayed()).isFalse();

			// Tab from the skip link and the brand to the name button: focus alone opens
			// the menu (no JavaScript needed).
			browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB, Keys.TAB, Keys.TAB);
			assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("account-menu-button");
			assertThat(menuItem.isDisplayed()).isTrue();
			browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
			browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
			browser.await(By.id("reset-password"));
			assertThat(browser.title()).startsWith("Account details");
		}
	}

	@Test
	void hoveringTheNameOpensTheMenu() {
		var account = TestAccounts.create(accounts, Language.DE);
		try (Browser browser = new Browser(BASE_URL)) {
			signIn(browser, account.email());
			WebElement button = browser.await(By.id("account-menu-button"));
			new Actions(browser.driver()).moveToElement(button).perform();
			WebElement details = browser.driver().findElement(By.cssSelector("#account-menu a[href$='/account']"));
			assertThat(details.isDisplayed()).isTrue();
			assertThat(details.getText()).isEqualTo("Kontodetails");
		}
	}

	private static void signIn(Browser browser, String email) {
		browser.open("/login");
		browser.await(By.id("username")).sendKeys(email);
		browser.driver().findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
		browser.await(By.id("account-menu-button"));
	}

}
