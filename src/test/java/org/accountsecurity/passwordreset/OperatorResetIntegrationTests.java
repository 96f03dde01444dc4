package org.accountsecurity.passwordreset;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.Language;
import org.accountsecurity.audit.AuditEvent;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditTrail;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * An operator sends a reset link, from the API and from the audit console; both are
 * audited as theirs.
 */
class OperatorResetIntegrationTests extends IntegrationTest {

	static final String OPERATOR = "operator@example.com";

	static final String OPERATOR_PASSWORD = "audit trail keeper 2026";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditTrail trail;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Outbox outbox;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theApiQueuesTheLinkAndRecordsTheOperator() throws Exception {
		Account account = TestAccounts.create(accountService, Language.PL);
		HttpResponse<String> answer = post("/api/v1/accounts/" + account.id() + "/password-reset", OPERATOR,
				OPERATOR_PASSWORD);
		assertThat(answer.statusCode()).isEqualTo(202);
		assertThat(answer.body()).contains("\"accepted\"", account.id().toString()).doesNotContain(account.email());

		assertThat(Mailbox.link(mailbox.await(account.email(), 1).get(0), "/password/reset?token="))
			.startsWith(BASE_URL);
		List<AuditEvent> events = awaitEvents(account, 3);
		AuditEvent triggered = events.stream()
			.filter(e -> e.type() == AuditEventType.OPERATOR_RESET_TRIGGERED)
			.findFirst()
			.orElseThrow();
		assertThat(triggered.actor()).isEqualTo("operator:" + operatorId());
		assertThat(triggered.reason()).isNull();
		assertThat(triggered.details().values()).containsExactly(entry("trigger", "operator"));
		assertThat(events).extracting(AuditEvent::type)
			.containsExactly(AuditEventType.RESET_EMAIL_SENT, AuditEventType.OPERATOR_RESET_TRIGGERED,
					AuditEventType.ACCOUNT_CREATED);
		assertThat(events.get(0).reason()).isNull();
		assertThat(events.get(0).details().values()).containsOnlyKeys("trigger", "expiresAt", "attempt")
			.containsEntry("trigger", "operator")
			.containsEntry("attempt", 1L);
		assertThat(events.get(0).details().instant("expiresAt")).isAfter(events.get(0).occurredAt());
	}

	@Test
	void theApiAnswersProblemsForUnknownAccountsAndOutsiders() throws Exception {
		HttpResponse<String> unknown = post("/api/v1/accounts/" + UUID.randomUUID() + "/password-reset", OPERATOR,
				OPERATOR_PASSWORD);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(post("/api/v1/accounts/not-an-id/password-reset", OPERATOR, OPERATOR_PASSWORD).statusCode())
			.isEqualTo(400);

		Account holder = TestAccounts.create(accountService, Language.EN);
		Account victim = TestAccounts.create(accountService, Language.EN);
		String path = "/api/v1/accounts/" + victim.id() + "/password-reset";
		assertThat(post(path, holder.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(403);
		assertThat(post(path, null, null).statusCode()).isEqualTo(401);
		outbox.awaitDrained();
		assertThat(mailbox.to(victim.email())).isEmpty();
	}

	@Test
	void theConsoleButtonSendsTheLinkAndReturnsToTheAccount() {
		Account account = TestAccounts.create(accountService, Language.DE);
		WebClient operator = new WebClient(port);
		operator.signIn(OPERATOR, OPERATOR_PASSWORD);
		operator.get("/operator/audit?email=" + account.email());
		HttpResponse<String> sent = operator.post("/operator/accounts/" + account.id() + "/password-reset", Map.of());
		assertThat(sent.statusCode()).isEqualTo(302);
		String location = sent.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/operator/audit?email=");
		assertThat(operator.get(location.substring(location.indexOf("/operator"))).body()).contains("id=\"reset-sent\"",
				account.email());
		mailbox.await(account.email(), 1);
		assertThat(awaitEvents(account, 3)).extracting(AuditEvent::actor).contains("operator:" + operatorId());

		assertThat(operator.post("/operator/accounts/" + UUID.randomUUID() + "/password-reset", Map.of()).statusCode())
			.isEqualTo(404);
		WebClient outsider = new WebClient(port);
		outsider.signIn(account.email(), TestAccounts.PASSWORD);
		outsider.get("/account");
		assertThat(outsider.post("/operator/accounts/" + account.id() + "/password-reset", Map.of()).statusCode())
			.isEqualTo(403);
	}

	private List<AuditEvent> awaitEvents(Account account, int count) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.until(() -> trail.recentForAccount(account.id(), 10).size() >= count);
		return trail.recentForAccount(account.id(), 10);
	}

	private UUID operatorId() {
		return accounts.findByEmail(OPERATOR).orElseThrow().id();
	}

	private HttpResponse<String> post(String path, String user, String password) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.POST(HttpRequest.BodyPublishers.noBody());
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
