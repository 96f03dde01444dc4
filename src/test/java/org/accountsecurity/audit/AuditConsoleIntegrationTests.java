package org.accountsecurity.audit;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.account.Account;
import org.accountsecurity.account.Account.Role;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.account.NewAccount;
import org.accountsecurity.support.Accessibility;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators' audit page over HTTP, as a browser without JavaScript uses it. */
class AuditConsoleIntegrationTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	AuditLog audit;

	@Autowired
	AccountService accountService;

	@Autowired
	Mailbox mailbox;

	@Test
	void theConsoleShowsTheFilteredEventsEscapedWithExportAndPaging() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String agent = "<script>alert('x')</script> Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
		audit.record(
				AuditEntry
					.forAccount(AuditEventType.PASSWORD_REJECTED, Outcome.FAILURE, "<b>too-short</b>", account.id(),
							new RequestOrigin("198.51.100.77", agent, "req-console-1"))
					.with("rule", "<i>length</i>"));
		audit.record(
				AuditEntry
					.forAccount(AuditEventType.RESET_REQUESTED, Outcome.SUCCESS, null, account.id(),
							new RequestOrigin("198.51.100.77", "Short agent", "req-console-2"))
					.with("trigger", "self"));
		WebClient operator = operator();

		HttpResponse<String> page = operator.get("/operator/audit?size=2&email=" + enc(account.email()));
		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("id=\"audit-events\"", "data-type=\"RESET_REQUESTED\"", "Password reset requested",
				"data-type=\"PASSWORD_REJECTED\"", "198.51.100.0/24", "req-console-1", "<time datetime=\"",
				"UTC</time>", "Matching events: 3 (page 1 of 2)", "id=\"account\"", "id=\"send-reset\"");
		assertThat(html).contains("<dt title=\"trigger\">Trigger</dt>", "<dd><code>self</code></dd>",
				"<dt title=\"rule\">rule</dt>", "<dd><code>&lt;i&gt;length&lt;/i&gt;</code></dd>");
		assertThat(html).doesNotContain("<script>alert", "<b>too-short</b>", "<i>length</i>")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Mozilla/5.0 (X11; Linux x86_6...<",
					"title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Mozilla/5.0",
					"&lt;b&gt;too-short&lt;/b&gt;");
		assertThat(count(html, "<form[^>]*method=\"post\"")).isEqualTo(count(html, "name=\"_csrf\""))
			.isGreaterThanOrEqualTo(3);
		assertThat(html).containsPattern("<label for=\"filter-email\"")
			.containsPattern("<label for=\"filter-type\"")
			.containsPattern("<label for=\"filter-from\"")
			.contains("type=\"datetime-local\"");

		String next = attribute(html, "next-page", "href");
		assertThat(next).contains("email=" + enc(account.email()), "size=2", "page=1");
		String second = operator.get(next.replace("&amp;", "&")).body();
		assertThat(second).contains("data-type=\"ACCOUNT_CREATED\"", "id=\"previous-page\"")
			.doesNotContain("id=\"next-page\"");

		String csvLink = attribute(html, "export-csv", "href").replace("&amp;", "&");
		HttpResponse<String> csv = operator.get(csvLink);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
		assertThat(CsvReader.parse(csv.body())).hasSize(4);
		HttpResponse<String> json = operator.get(attribute(html, "export-json", "href").replace("&amp;", "&"));
		assertThat(AuditApi.JSON.readTree(json.body()).get("events").size()).isEqualTo(3);
		HttpResponse<String> own = operator.get(attribute(html, "export-account", "href"));
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(AuditApi.JSON.readTree(own.body()).get("count").asInt()).isEqualTo(3);
	}

	@Test
	void aBadFilterIsExplainedAndTheChainCheckAnswersOnThePage() {
		WebClient operator = operator();
		HttpResponse<String> bad = operator.get("/operator/audit?type=NOPE");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("id=\"filter-error\"", "Choose an event type from the list.");

		operator.get("/operator/audit?outcome=FAILURE");
		HttpResponse<String> verified = operator.post("/operator/audit/verify?outcome=FAILURE", Map.of());
		assertThat(verified.statusCode()).isEqualTo(302);
		String location = verified.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/operator/audit?outcome=FAILURE");
		assertThat(operator.get("/operator/audit?outcome=FAILURE").body()).contains("id=\"chain-result\"");
	}

	@Test
	void theResetStateTellsHowEachLinkEnded() {
		Account account = TestAccounts.create(accountService, Language.EN);
		forgot(account.email());
		mailbox.await(account.email(), 1);
		forgot(account.email());
		String link = Mailbox.link(mailbox.await(account.email(), 2).get(1), "/password/reset?token=");
		WebClient person = new WebClient(port);
		person.get(link.substring(BASE_URL.length()));
		person.get("/password/reset/new");
		String password = "another passphrase for the console";
		assertThat(person.post("/password/reset/new", Map.of("password", password, "confirmPassword", password))
			.statusCode()).isEqualTo(303);

		WebClient operator = operator();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			String html = operator.get("/operator/audit?email=" + enc(account.email())).body();
			assertThat(html).contains("id=\"reset-links\"");
			String links = html.substring(html.indexOf("id=\"reset-links\""),
					html.indexOf("</table>", html.indexOf("id=\"reset-links\"")));
			assertThat(count(links, "data-status=\"USED\"")).isEqualTo(1);
			assertThat(count(links, "data-status=\"REVOKED\"")).isEqualTo(1);
			assertThat(links.indexOf("data-status=\"USED\"")).isLessThan(links.indexOf("data-status=\"REVOKED\""));
			assertThat(links).contains("forgot password", "replaced by a newer link", "from 127.0.0.0/24");
		});
	}

	@Test
	void erasureAsksForTheAddressFirst() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient operator = operator();
		HttpResponse<String> confirm = operator.get("/operator/accounts/" + account.id() + "/audit-erasure");
		assertThat(confirm.statusCode()).isEqualTo(200);
		assertThat(confirm.body()).contains("name=\"confirmEmail\"", "name=\"_csrf\"", account.email());

		HttpResponse<String> wrong = operator.post("/operator/accounts/" + account.id() + "/audit-erasure",
				Map.of("confirmEmail", "someone.else@example.test"));
		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(wrong.body()).contains("id=\"confirm-mismatch\"");
		assertThat(AuditApi.operator(port).eventsOf(account.email())).hasSize(1);

		HttpResponse<String> erased = operator.post("/operator/accounts/" + account.id() + "/audit-erasure",
				Map.of("confirmEmail", account.email().toUpperCase()));
		assertThat(erased.statusCode()).isEqualTo(302);
		assertThat(erased.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).contains("/operator/audit?email="));
		assertThat(operator.get("/operator/audit?email=" + enc(account.email())).body()).contains("id=\"erased\"");
		assertThat(AuditApi.operator(port).eventsOf(account.email())).isEmpty();
	}

	// axe's scrollable-region-focusable: a table that scrolls sideways must be reachable
	// by
	// keyboard, with a name that says what it holds.
	@Test
	void everyScrollableTableCanBeFocusedByKeyboardAndIsNamed() {
		Account account = TestAccounts.create(accountService, Language.EN);
		forgot(account.email());
		WebClient operator = operator();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> operator.get("/operator/audit?email=" + enc(account.email())).body(),
					html -> html.contains("id=\"reset-links\""));
		Document page = Jsoup.parse(operator.get("/operator/audit?email=" + enc(account.email())).body());

		Accessibility.assertScrollableTablesFocusable(page, "audit page");
		// Pending second-factor removals of other tests' accounts may add a table of
		// their own.
		Elements scrollers = page.select(".table-wrap");
		assertThat(scrollers.select("table").eachAttr("id")).containsSubsequence("reset-links", "audit-events");
		assertThat(nameOfScroller(page, "reset-links")).isEqualTo("Reset links");
		assertThat(nameOfScroller(page, "audit-events")).isEqualTo("Events");
	}

	private static String nameOfScroller(Document page, String tableId) {
		return page.getElementById(page.getElementById(tableId).parent().attr("aria-labelledby")).text();
	}

	@Test
	void operatorsReadTheConsoleInTheirLanguageAndOthersCannotReadIt() {
		assertThat(operatorIn(Language.DE).get("/operator/audit").body()).contains("Audit-Protokoll", "Kette prüfen",
				"Filter anwenden");
		assertThat(operatorIn(Language.PL).get("/operator/audit").body()).contains("Dziennik audytu",
				"Sprawdź łańcuch");

		HttpResponse<String> anonymous = new WebClient(port).get("/operator/audit");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		Account holder = TestAccounts.create(accountService, Language.EN);
		WebClient user = new WebClient(port);
		user.signIn(holder.email(), TestAccounts.PASSWORD);
		assertThat(user.get("/operator/audit").statusCode()).isEqualTo(403);
		assertThat(user.get("/operator/audit/export?format=csv").statusCode()).isEqualTo(403);
	}

	private WebClient operator() {
		WebClient operator = new WebClient(port);
		assertThat(
				operator.signIn(AuditApi.OPERATOR_EMAIL, AuditApi.OPERATOR_PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
		return operator;
	}

	private WebClient operatorIn(Language language) {
		String email = "operator-" + language.code() + "-" + System.nanoTime() + "@example.test";
		accountService.create(new NewAccount(email, "Test Operator", language, TestAccounts.PASSWORD,
				Set.of(Role.USER, Role.OPERATOR)), AuditEntry.SYSTEM, RequestOrigin.SYSTEM);
		WebClient operator = new WebClient(port);
		operator.signIn(email, TestAccounts.PASSWORD);
		return operator;
	}

	private void forgot(String email) {
		WebClient person = new WebClient(port);
		person.get("/password/forgot");
		person.post("/password/forgot", Map.of("email", email));
	}

	private static String attribute(String html, String id, String name) {
		Matcher tag = Pattern.compile("<[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
		assertThat(tag.find()).as(id).isTrue();
		Matcher value = Pattern.compile(name + "=\"([^\"]*)\"").matcher(tag.group());
		assertThat(value.find()).as(id + " " + name).isTrue();
		return value.group(1);
	}

	private static int count(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		int n = 0;
		while (matcher.find()) {
			n++;
		}
		return n;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
