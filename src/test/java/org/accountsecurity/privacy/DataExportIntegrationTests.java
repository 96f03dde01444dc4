package org.accountsecurity.privacy;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.AuditTrail;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * <em>Download my data</em>: the holder's own data and events, never another account's,
 * never a secret; not cacheable; audited.
 */
class DataExportIntegrationTests extends IntegrationTest {

	private static final String TOTP_SECRET_AS_STORED = "test:c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1sZWF2ZQ==";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	AccountService accountService;

	@Autowired
	AuditLog audit;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDownloadHoldsTheHoldersDataAndEventsAndNoOtherAccounts() {
		Account holder = TestAccounts.create(accountService, Language.EN);
		Account other = TestAccounts.create(accountService, Language.DE);
		Account operator = TestAccounts.operator(accountService);
		WebClient otherBrowser = WebinarCookieSettingsIntegrationTests.signedIn(other);
		otherBrowser.get("/account/privacy");
		otherBrowser.post("/account/privacy/webinar-cookies", Map.of("marketing", "true"));
		audit.record(
				AuditEntry
					.forAccount(AuditEventType.OPERATOR_RESET_TRIGGERED, Outcome.SUCCESS, null, holder.id(),
							RequestOrigin.SYSTEM)
					.byActor(AuditEntry.operator(operator.id())));
		WebClient browser = WebinarCookieSettingsIntegrationTests.signedIn(holder);
		// Enrolled after signing in, so that this sign-in needs no second step.
		jdbc.sql("insert into totp_credential (account_id, secret, enrolled_at) values (?, ?, ?)")
			.params(holder.id(), TOTP_SECRET_AS_STORED, Timestamp.from(Instant.parse("2026-11-30T08:00:00Z")))
			.update();
		browser.get("/account/privacy");
		browser.post("/account/privacy/webinar-cookies", Map.of("functional", "true"));
		browser.post("/account/privacy/dpa", Map.of("version", "1.0"));

		HttpResponse<String> response = browser.get("/account/privacy/export");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).matches("attachment; filename=\"my-data-\\d{8}T\\d{6}Z\\.json\""));
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		String body = response.body();
		assertThat(body).doesNotContain(other.id().toString(), other.email(), operator.id().toString(),
				operator.email(), TOTP_SECRET_AS_STORED, holder.passwordHash(), TestAccounts.PASSWORD);

		JsonNode export = json.readTree(body);
		assertThat(export.at("/profile/id").asString()).isEqualTo(holder.id().toString());
		assertThat(export.at("/profile/email").asString()).isEqualTo(holder.email());
		assertThat(export.at("/sessions/active").asInt()).isEqualTo(1);
		assertThat(export.at("/sessions/list/0/signedInAt").asString()).isNotBlank();
		assertThat(export.at("/sessions/list/0").has("handle")).isFalse();
		assertThat(export.at("/secondFactors/0/kind").asString()).isEqualTo("totp");
		assertThat(export.at("/secondFactors/0/addedAt").asString()).isEqualTo("2026-11-30T08:00:00Z");
		assertThat(export.at("/dataProcessingAgreement/acceptedVersion").asString()).isEqualTo("1.0");
		assertThat(export.at("/webinarCookieSettings/functional").asBoolean()).isTrue();
		assertThat(export.at("/webinarCookieSettings/marketing").asBoolean()).isFalse();
		List<String> types = export.get("securityEvents").valueStream().map(e -> e.get("type").asString()).toList();
		assertThat(types).contains("ACCOUNT_CREATED", "SIGN_IN_SUCCEEDED", "COOKIE_SETTINGS_CHANGED", "DPA_ACCEPTED",
				"OPERATOR_RESET_TRIGGERED", "PERSONAL_DATA_EXPORTED");
		long holdersEvents = trail.recentForAccount(holder.id(), 1000).size();
		assertThat(types).hasSize((int) holdersEvents);
		assertThat(export.get("securityEvents").valueStream().map(e -> e.get("actor").asString()))
			.contains("operator", "self")
			.allMatch(a -> List.of("self", "operator", "system").contains(a));
		assertThat(export.get("securityEventsTruncated").asBoolean()).isFalse();

		assertThat(trail.recentForAccount(holder.id(), 1).get(0).type())
			.isEqualTo(AuditEventType.PERSONAL_DATA_EXPORTED);
		assertThat(trail.recentForAccount(other.id(), 20))
			.noneMatch(e -> e.type() == AuditEventType.PERSONAL_DATA_EXPORTED);
	}

	@Test
	void downloadsBeyondTheHourlyLimitAre429AndRecorded() {
		Account holder = TestAccounts.create(accountService, Language.DE);
		WebClient browser = WebinarCookieSettingsIntegrationTests.signedIn(holder);
		for (int i = 0; i < PersonalDataExport.EXPORTS_PER_HOUR; i++) {
			assertThat(browser.get("/account/privacy/export").statusCode()).isEqualTo(200);
		}

		HttpResponse<String> refused = browser.get("/account/privacy/export");

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 3600L));
		assertThat(refused.headers().firstValue("Content-Disposition")).isEmpty();
		assertThat(refused.body()).contains("<html", "lang=\"de\"").doesNotContain("\"securityEvents\"");
		assertThat(trail.recentForAccount(holder.id(), 1).get(0).type()).isEqualTo(AuditEventType.RATE_LIMITED);
	}

	@Test
	void signedOutTheDownloadLeadsToSignIn() {
		HttpResponse<String> response = new WebClient(SERVER_PORT).get("/account/privacy/export");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

}
