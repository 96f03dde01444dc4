package org.accountsecurity.audit;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planted canaries (a new password, a refused one and the mailed token) never reach an
 * audit row, the API, an export or the console (docs/security.md LG-03).
 */
class AuditCanaryIntegrationTests extends IntegrationTest {

	static final String CANARY_PASSWORD = "canary passphrase 7f3e91 never logged";

	static final String REFUSED_CANARY = "canary-6b2d";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	Mailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void neitherPasswordsNorTheTokenAppearAnywhereOperatorsLook() {
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient person = new WebClient(port);
		person.get("/password/forgot");
		person.post("/password/forgot", Map.of("email", account.email()));
		String link = Mailbox.link(mailbox.await(account.email(), 1).get(0), "/password/reset?token=");
		String token = Mailbox.tokenOf(link);
		assertThat(token.split("\\.")).hasSize(3);
		person.get(link.substring(BASE_URL.length()));
		person.get("/password/reset/new");
		assertThat(person
			.post("/password/reset/new", Map.of("password", REFUSED_CANARY, "confirmPassword", REFUSED_CANARY))
			.statusCode()).isEqualTo(422);
		assertThat(person
			.post("/password/reset/new", Map.of("password", CANARY_PASSWORD, "confirmPassword", CANARY_PASSWORD))
			.statusCode()).isEqualTo(303);
		new WebClient(port).get(link.substring(BASE_URL.length()));

		List<String> secrets = List.of(CANARY_PASSWORD, REFUSED_CANARY, token,
				token.substring(token.lastIndexOf('.') + 1), "canary");
		AuditApi api = AuditApi.operator(port);
		List<String> seen = new ArrayList<>();
		assertThat(api.eventsOf(account.email())).hasSizeGreaterThanOrEqualTo(6);
		seen.add(api.get("/api/v1/audit-events?size=200&from=" + start).body());
		seen.add(api.get("/api/v1/audit-events?email=" + account.email()).body());
		seen.add(api.get("/api/v1/audit-events/export?format=csv&from=" + start).body());
		seen.add(api.get("/api/v1/audit-events/export?format=json&from=" + start).body());
		seen.add(api.get("/api/v1/accounts/" + account.id() + "/audit-events").body());
		WebClient operator = new WebClient(port);
		operator.signIn(AuditApi.OPERATOR_EMAIL, AuditApi.OPERATOR_PASSWORD);
		HttpResponse<String> console = operator.get("/operator/audit?size=200&email=" + account.email());
		assertThat(console.statusCode()).isEqualTo(200);
		seen.add(console.body());
		seen.add(operator.get("/operator/audit/export?format=csv&from=" + start).body());
		jdbc.sql("select * from audit_event where occurred_at >= ?")
			.param(Timestamp.from(start))
			.query()
			.listOfRows()
			.forEach(row -> seen.add(row.values().toString()));

		assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(secrets));
		assertThat(String.join("\n", seen)).contains(account.id().toString(), "PASSWORD_CHANGED", "PASSWORD_REJECTED");
	}

}
