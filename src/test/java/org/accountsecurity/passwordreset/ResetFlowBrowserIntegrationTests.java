package org.accountsecurity.passwordreset;

import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Browser;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow as a person walks it in headless Chromium: the account menu, Reset
 * password, the link in the dev mailbox, the new password, and signing in with it.
 */
@EnabledIf("org.accountsecurity.support.Browser#available")
class ResetFlowBrowserIntegrationTests extends IntegrationTest {

	@Autowired
	AccountService accounts;

	@Test
	void fromTheAccountMenuThroughTheMailedLinkToSigningInWithTheNewPassword() {
		var account = TestAccounts.create(accounts, Language.PL);
		String newPassword = "nowe hasło do sprawdzenia przeglądarki";
		try (Browser browser = new Browser(BASE_URL)) {
			browser.open("/login");
			browser.await(By.id("username")).sendKeys(account.email());
			browser.driver().findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
			browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();

			browser.await(By.id("account-menu-button")).click();
			browser.await(By.cssSelector("#account-menu a[href$='/account']")).click();
			browser.await(By.id("reset-password")).click();
			assertThat(browser.await(By.id("reset-sent")).getText()).contains("***@example.test");

			browser.open("/dev/mail");
			WebElement link = browser.await(By.xpath(
					"//tr[td[contains(., '" + account.email() + "')]]//a[contains(@href, '/password/reset?token=')]"));
			browser.open(link.getAttribute("href"));
			browser.await(By.id("password")).sendKeys(newPassword);
			assertThat(browser.driver().getCurrentUrl()).endsWith("/password/reset/new");
			assertThat(browser.await(By.id("password-strength")).isDisplayed()).isTrue();
			browser.driver().findElement(By.id("confirmPassword")).sendKeys(newPassword);
			browser.driver().findElement(By.id("save-password")).click();
			assertThat(browser.await(By.id("reset-done")).getText()).contains("Hasło zostało zmienione");

			browser.await(By.id("username")).sendKeys(account.email());
			browser.driver().findElement(By.id("password")).sendKeys(newPassword);
			browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
			assertThat(browser.await(By.id("account-menu-button")).getText()).isEqualTo("Robin Quill");
		}
	}

}
