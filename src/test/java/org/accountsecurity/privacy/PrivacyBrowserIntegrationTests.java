package org.accountsecurity.privacy;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Accessibility;
import org.accountsecurity.support.Browser;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A holder in headless Chromium: the account menu → Privacy → ticks a cookie category by
 * keyboard → saves; the public JSON that webinar pages read shows the change.
 */
@EnabledIf("org.accountsecurity.support.Browser#available")
class PrivacyBrowserIntegrationTests extends IntegrationTest {

	@Autowired
	AccountService accounts;

	@Test
	void theMenuLeadsToPrivacyWhereSavedCookieSettingsReachTheJson() {
		Account account = TestAccounts.create(accounts, Language.EN);
		try (Browser browser = new Browser(BASE_URL)) {
			browser.open("/login");
			browser.await(By.id("username")).sendKeys(account.email());
			browser.driver().findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
			browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
			WebElement menu = browser.await(By.id("account-menu-button"));

			new Actions(browser.driver()).moveToElement(menu).perform();
			WebElement privacy = browser.await(By.id("menu-privacy"));
			assertThat(privacy.getText()).isEqualTo("Privacy");
			privacy.click();
			WebElement analytics = browser.await(By.id("analytics"));
			assertThat(browser.title()).startsWith("Privacy");
			WebElement necessary = browser.driver().findElement(By.id("necessary"));
			assertThat(necessary.isSelected()).isTrue();
			assertThat(necessary.isEnabled()).isFalse();
			assertThat(browser.driver().findElement(By.cssSelector("fieldset.choices legend")).getText())
				.isEqualTo("Cookie categories your webinar pages may use");
			Document page = Jsoup.parse(browser.driver().getPageSource());
			for (Element box : page.select("input[type=checkbox]")) {
				assertThat(page.select("label[for=" + box.id() + "]").text()).as(box.id()).isNotBlank();
				assertThat(page.getElementById(box.attr("aria-describedby"))).as(box.id()).isNotNull();
			}

			analytics.sendKeys(Keys.SPACE);
			assertThat(analytics.isSelected()).isTrue();
			browser.driver().findElement(By.id("save-cookies")).sendKeys(Keys.ENTER);
			browser.await(By.id("cookies-saved"));
			assertThat(browser.driver().findElement(By.id("analytics")).isSelected()).isTrue();

			String url = browser.driver().findElement(By.id("cookie-settings-url")).getText();
			browser.open(url);
			assertThat(browser.driver().findElement(By.tagName("body")).getText())
				.isEqualTo("{\"necessary\":true,\"functional\":false,\"analytics\":true,\"marketing\":false}");

			browser.open("/privacy");
			browser.await(By.id("footer-privacy"));
			Accessibility.assertScrollableTablesFocusable(Jsoup.parse(browser.driver().getPageSource()), "/privacy");
		}
	}

}
