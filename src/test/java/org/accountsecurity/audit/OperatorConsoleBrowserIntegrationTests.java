package org.accountsecurity.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.accountsecurity.support.Browser;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo operator in headless Chromium: after the demo user asks for a reset, the
 * operator opens the audit log from the account menu, filters it by her address, sees the
 * request and exports the filter as CSV.
 */
@EnabledIf("org.accountsecurity.support.Browser#available")
class OperatorConsoleBrowserIntegrationTests extends IntegrationTest {

	static final String DEMO_USER = "ada@example.com";

	@LocalServerPort
	int port;

	@Test
	void theDemoOperatorFiltersByTheDemoUserAndExportsCsv() throws Exception {
		WebClient ada = new WebClient(port);
		ada.get("/password/forgot");
		assertThat(ada.post("/password/forgot", Map.of("email", DEMO_USER)).statusCode()).isEqualTo(200);

		try (Browser browser = new Browser(BASE_URL)) {
			browser.open("/login");
			browser.await(By.id("username")).sendKeys(AuditApi.OPERATOR_EMAIL);
			browser.driver().findElement(By.id("password")).sendKeys(AuditApi.OPERATOR_PASSWORD);
			browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();

			browser.await(By.id("account-menu-button")).click();
			browser.await(By.cssSelector("#account-menu a[href$='/operator/audit']")).click();
			browser.await(By.id("filter-email")).sendKeys(DEMO_USER);
			new Select(browser.driver().findElement(By.id("filter-type"))).selectByValue("RESET_REQUESTED");
			browser.driver().findElement(By.id("apply-filter")).click();

			WebElement row = browser.await(By.cssSelector("#audit-events tr[data-type='RESET_REQUESTED']"));
			assertThat(row.getText()).contains("Trigger", "forgot");
			assertThat(browser.driver().findElement(By.id("account")).getText()).contains(DEMO_USER);

			String href = browser.driver().findElement(By.id("export-csv")).getAttribute("href");
			assertThat(href).contains("email=ada%40example.com", "type=RESET_REQUESTED", "format=csv");
			Cookie session = browser.driver().manage().getCookieNamed("SESSION");
			assertThat(session).isNotNull();
			HttpResponse<String> csv = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(href))
					.header("Cookie", "SESSION=" + session.getValue())
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(csv.statusCode()).isEqualTo(200);
			assertThat(csv.headers().firstValue("Content-Type"))
				.hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
			List<List<String>> rows = CsvReader.parse(csv.body());
			assertThat(rows.get(0)).startsWith("id", "occurredAt", "type");
			assertThat(rows.subList(1, rows.size())).isNotEmpty()
				.allSatisfy(r -> assertThat(r.get(2)).isEqualTo("RESET_REQUESTED"))
				.anySatisfy(r -> assertThat(r.get(13)).isEqualTo("{\"trigger\":\"forgot\"}"));
			assertThat(rows.get(0).get(13)).isEqualTo("details");
		}
	}

}
