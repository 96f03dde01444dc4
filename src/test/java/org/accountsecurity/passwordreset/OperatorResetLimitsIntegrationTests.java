package org.accountsecurity.passwordreset;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.audit.AuditEvent;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditTrail;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators' reset links are limited per operator (20 an hour) and, like everyone's, per
 * account (3 an hour): over a limit the API answers 429 with Retry-After, the console
 * says so, and the refusal is audited as RATE_LIMITED with the operator as actor.
 */
class OperatorResetLimitsIntegrationTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	AuditTrail trail;

	@Autowired
	Mailbox mailbox;

	@Autowired
	ResetProperties properties;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anOperatorOverTheirLimitGetsA429AndSendsNothing() throws Exception {
		Account operator = TestAccounts.operator(accountService);
		for (int i = 0; i < properties.perOperatorLimit().requests(); i++) {
			Account account = TestAccounts.create(accountService, Language.EN);
			assertThat(reset(operator, account).statusCode()).isEqualTo(202);
		}
		Account one = TestAccounts.create(accountService, Language.EN);
		HttpResponse<String> refused = reset(operator, one);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L,
					properties.perOperatorLimit().window().toSeconds()));
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("\"limit\":\"per_operator\"").doesNotContain(one.email());
		assertLimitedOnly(one, operator, "per_operator");
	}

	@Test
	void theAccountsLimitHoldsOperatorsLinksBackAndTheConsoleSaysSo() throws Exception {
		Account operator = TestAccounts.operator(accountService);
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient console = new WebClient(port);
		console.signIn(operator.email(), TestAccounts.PASSWORD);
		console.get("/operator/audit?email=" + account.email());
		for (int i = 0; i < properties.perAccountLimit().requests(); i++) {
			assertThat(sendFromConsole(console, account)).contains("id=\"reset-sent\"");
		}
		assertThat(sendFromConsole(console, account))
			.contains("id=\"reset-limited\"", "data-limit=\"per_account\"",
					"No reset link was sent: this account has received its limit of reset links for now.")
			.doesNotContain("id=\"reset-sent\"");
		HttpResponse<String> api = reset(operator, account);
		assertThat(api.statusCode()).isEqualTo(429);
		assertThat(api.headers().firstValue("Retry-After")).isPresent();
		assertThat(api.body()).contains("\"limit\":\"per_account\"");

		assertThat(mailbox.await(account.email(), 3)).hasSize(3);
		Thread.sleep(1000); // room for a fourth mail that must not come
		assertThat(mailbox.to(account.email())).hasSize(3);
		List<AuditEvent> events = trail.recentForAccount(account.id(), 20);
		assertThat(events).filteredOn(e -> e.type() == AuditEventType.RATE_LIMITED)
			.hasSize(2)
			.allSatisfy(e -> assertThat(e.reason()).isEqualTo("per_account"))
			.allSatisfy(e -> assertThat(e.actor()).isEqualTo("operator:" + operator.id()));
	}

	/** Presses Send reset link and follows the redirect back, as a browser does. */
	private static String sendFromConsole(WebClient console, Account account) {
		HttpResponse<String> sent = console.post("/operator/accounts/" + account.id() + "/password-reset", Map.of());
		assertThat(sent.statusCode()).isEqualTo(302);
		String location = sent.headers().firstValue("Location").orElseThrow();
		return console.get(location.substring(location.indexOf("/operator"))).body();
	}

	private void assertLimitedOnly(Account account, Account operator, String reason) {
		List<AuditEvent> events = trail.recentForAccount(account.id(), 10);
		assertThat(events).extracting(AuditEvent::type)
			.containsExactly(AuditEventType.RATE_LIMITED, AuditEventType.ACCOUNT_CREATED);
		assertThat(events.get(0).reason()).isEqualTo(reason);
		assertThat(events.get(0).actor()).isEqualTo("operator:" + operator.id());
	}

	private HttpResponse<String> reset(Account operator, Account account) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((operator.email() + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/accounts/" + account.id() + "/password-reset"))
			.header("Authorization", "Basic " + credentials)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
