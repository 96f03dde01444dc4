package org.accountsecurity.privacy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.audit.AuditEvent;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditTrail;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cookie settings of webinar pages: chosen on Account details → Privacy, read by
 * anyone as JSON that caches (ETag, 304) and is shared by CORS with the configured
 * webinar origins only (the local profile names {@code http://localhost:3000}).
 */
class WebinarCookieSettingsIntegrationTests extends IntegrationTest {

	private static final String ALL_OFF = "{\"necessary\":true,\"functional\":false,\"analytics\":false,\"marketing\":false}";

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	AccountService accountService;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAccountThatNeverChoseAndAnUnknownIdAnswerTheSameDefaults() {
		Account account = TestAccounts.create(accountService, Language.EN);

		HttpResponse<String> known = get(account.id(), Map.of());
		HttpResponse<String> unknown = get(UUID.randomUUID(), Map.of());

		assertThat(known.statusCode()).isEqualTo(200);
		assertThat(known.body()).isEqualTo(ALL_OFF);
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(unknown.body()).isEqualTo(known.body());
		assertThat(unknown.headers().firstValue("ETag")).isEqualTo(known.headers().firstValue("ETag"));
		assertThat(known.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> t.startsWith("application/json"));
		assertThat(known.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
		assertThat(known.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Origin"));
		assertThat(known.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void theJsonAndItsEtagChangeWhenTheHolderChangesTheSettings() {
		Account account = TestAccounts.create(accountService, Language.EN);
		HttpResponse<String> before = get(account.id(), Map.of());
		String oldTag = before.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> notModified = get(account.id(), Map.of("If-None-Match", oldTag));
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");

		WebClient browser = signedIn(account);
		browser.get("/account/privacy");
		HttpResponse<String> saved = browser.post("/account/privacy/webinar-cookies",
				Map.of("functional", "true", "analytics", "true"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(browser.get("/account/privacy").body()).contains("id=\"cookies-saved\"",
				BASE_URL + "/api/v1/accounts/" + account.id() + "/webinar-cookie-settings");

		HttpResponse<String> after = get(account.id(), Map.of("If-None-Match", oldTag));
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(after.body())
			.isEqualTo("{\"necessary\":true,\"functional\":true,\"analytics\":true,\"marketing\":false}");
		String newTag = after.headers().firstValue("ETag").orElseThrow();
		assertThat(newTag).isNotEqualTo(oldTag);
		assertThat(get(account.id(), Map.of("If-None-Match", newTag)).statusCode()).isEqualTo(304);

		AuditEvent changed = trail.recentForAccount(account.id(), 5)
			.stream()
			.filter(e -> e.type() == AuditEventType.COOKIE_SETTINGS_CHANGED)
			.findFirst()
			.orElseThrow();
		assertThat(changed.details().values()).containsEntry("necessary", "true")
			.containsEntry("functional", "true")
			.containsEntry("analytics", "true")
			.containsEntry("marketing", "false");
	}

	@Test
	void untickingEverythingSwitchesEveryOptionalCategoryOff() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = signedIn(account);
		browser.get("/account/privacy");
		browser.post("/account/privacy/webinar-cookies", Map.of("marketing", "true"));
		assertThat(get(account.id(), Map.of()).body()).contains("\"marketing\":true");
		assertThat(browser.get("/account/privacy").body()).containsPattern("id=\"marketing\"[^>]*checked");

		browser.post("/account/privacy/webinar-cookies", Map.of());

		assertThat(get(account.id(), Map.of()).body()).isEqualTo(ALL_OFF);
	}

	@Test
	void corsHeadersGoOnlyToConfiguredOriginsByExactMatch() {
		Account account = TestAccounts.create(accountService, Language.EN);

		HttpResponse<String> allowed = get(account.id(), Map.of("Origin", "http://localhost:3000"));
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(allowed.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Origin"));

		for (String other : List.of("https://evil.example", "http://localhost:3000/", "http://localhost:30000",
				"http://LOCALHOST:3000", "null")) {
			HttpResponse<String> refused = get(account.id(), Map.of("Origin", other));
			assertThat(refused.statusCode()).as(other).isEqualTo(200);
			assertThat(refused.headers().map().keySet()).as(other)
				.noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
			assertThat(refused.headers().allValues("Vary")).as(other).anySatisfy(v -> assertThat(v).contains("Origin"));
		}
	}

	@Test
	void onlyGetIsPublicAndAMalformedIdIsA400() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		String path = "/api/v1/accounts/" + account.id() + "/webinar-cookie-settings";

		HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(BASE_URL + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"marketing\":true}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> malformed = http
			.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/accounts/not-an-id/webinar-cookie-settings"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(put.statusCode()).isBetween(400, 499);
		assertThat(get(account.id(), Map.of()).body()).isEqualTo(ALL_OFF);
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).doesNotContain("Exception", "at org.");
	}

	@Test
	void aCheckboxValueThatIsNoBooleanIsA400AndChangesNothing() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = signedIn(account);
		browser.get("/account/privacy");

		HttpResponse<String> refused = browser.post("/account/privacy/webinar-cookies",
				Map.of("marketing", "maybe", "analytics", "true"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).doesNotContain("Exception", "at org.");
		assertThat(get(account.id(), Map.of()).body()).isEqualTo(ALL_OFF);
	}

	@Test
	void thePostsNeedTheCsrfToken() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = signedIn(account);
		browser.get("/account/privacy");

		HttpResponse<String> cookies = browser.post("/account/privacy/webinar-cookies",
				Map.of("_csrf", "forged", "marketing", "true"));
		HttpResponse<String> dpa = browser.post("/account/privacy/dpa", Map.of("_csrf", "forged", "version", "1.0"));

		assertThat(cookies.statusCode()).isEqualTo(403);
		assertThat(dpa.statusCode()).isEqualTo(403);
		assertThat(get(account.id(), Map.of()).body()).isEqualTo(ALL_OFF);
		assertThat(trail.recentForAccount(account.id(), 10)).noneMatch(
				e -> e.type() == AuditEventType.DPA_ACCEPTED || e.type() == AuditEventType.COOKIE_SETTINGS_CHANGED);
	}

	@Test
	void parallelFirstChangesAllSucceedAndLeaveOneRow() {
		Account account = TestAccounts.create(accountService, Language.EN);
		List<WebClient> browsers = Race.run(4, i -> signedIn(account));
		browsers.forEach(b -> b.get("/account/privacy"));

		List<Integer> statuses = Race.run(browsers.size(),
				i -> browsers.get(i)
					.post("/account/privacy/webinar-cookies", Map.of("analytics", "true"))
					.statusCode());

		assertThat(statuses).containsOnly(302);
		assertThat(jdbc.sql("select count(*) from webinar_cookie_settings where account_id = ?")
			.param(account.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(trail.recentForAccount(account.id(), 50)
			.stream()
			.filter(e -> e.type() == AuditEventType.COOKIE_SETTINGS_CHANGED)).hasSize(browsers.size());
	}

	private HttpResponse<String> get(UUID accountId, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(BASE_URL + "/api/v1/accounts/" + accountId + "/webinar-cookie-settings"));
		headers.forEach(request::header);
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static WebClient signedIn(Account account) {
		WebClient browser = new WebClient(SERVER_PORT);
		browser.signIn(account.email(), TestAccounts.PASSWORD);
		return browser;
	}

}
