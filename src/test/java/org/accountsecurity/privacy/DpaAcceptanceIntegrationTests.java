package org.accountsecurity.privacy;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.audit.AuditEvent;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditTrail;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accepting the data processing agreement on Account details → Privacy: recorded with
 * version and time, audited, shown; a newer version asks again. The local profile's
 * version is the default, {@code 1.0}.
 */
class DpaAcceptanceIntegrationTests extends IntegrationTest {

	private static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	@Autowired
	AccountService accountService;

	@Autowired
	PrivacySettings privacy;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void acceptingRecordsVersionAndTimeAuditsAndShowsIt() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = WebinarCookieSettingsIntegrationTests.signedIn(account);
		assertThat(browser.get("/account/privacy").body()).contains("id=\"dpa-not-yet\"", "id=\"accept-dpa\"");
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		HttpResponse<String> accepted = browser.post("/account/privacy/dpa", Map.of("version", "1.0"));

		assertThat(accepted.statusCode()).isEqualTo(302);
		DpaAcceptance stored = privacy.dpa(account.id()).orElseThrow();
		assertThat(stored.version()).isEqualTo("1.0");
		assertThat(stored.acceptedAt()).isBetween(before, Instant.now());
		AuditEvent event = trail.recentForAccount(account.id(), 5)
			.stream()
			.filter(e -> e.type() == AuditEventType.DPA_ACCEPTED)
			.findFirst()
			.orElseThrow();
		assertThat(event.details().values()).containsEntry("version", "1.0");
		assertThat(event.occurredAt()).isBetween(stored.acceptedAt(), stored.acceptedAt().plusSeconds(5));
		String page = browser.get("/account/privacy").body();
		assertThat(page)
			.contains("id=\"dpa-saved\"", "You accepted version 1.0 on " + UTC.format(stored.acceptedAt()) + ".")
			.doesNotContain("id=\"accept-dpa\"");
	}

	@Test
	void aNewerVersionAsksAgain() {
		Account account = TestAccounts.create(accountService, Language.DE);
		jdbc.sql("insert into dpa_acceptance (account_id, version, accepted_at) values (?, ?, ?)")
			.params(account.id(), "0.9", Timestamp.from(NOW))
			.update();
		WebClient browser = WebinarCookieSettingsIntegrationTests.signedIn(account);

		String page = browser.get("/account/privacy").body();

		assertThat(page).contains("Sie haben Version 0.9 am 2026-12-04 10:15:30 UTC akzeptiert.",
				"Version 1.0 ersetzt die von Ihnen akzeptierte Version.", "id=\"accept-dpa\"");
		browser.post("/account/privacy/dpa", Map.of("version", "1.0"));
		assertThat(privacy.dpa(account.id()).orElseThrow().version()).isEqualTo("1.0");
	}

	@Test
	void aFormForAnOlderVersionAcceptsNothingAndSaysSo() {
		Account account = TestAccounts.create(accountService, Language.PL);
		WebClient browser = WebinarCookieSettingsIntegrationTests.signedIn(account);
		browser.get("/account/privacy");

		HttpResponse<String> stale = browser.post("/account/privacy/dpa", Map.of("version", "0.9"));
		HttpResponse<String> none = browser.post("/account/privacy/dpa", Map.of());

		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("id=\"dpa-changed\"", "Przeczytaj wersję 1.0");
		assertThat(none.statusCode()).isEqualTo(409);
		assertThat(privacy.dpa(account.id())).isEmpty();
		assertThat(trail.recentForAccount(account.id(), 10)).noneMatch(e -> e.type() == AuditEventType.DPA_ACCEPTED);
	}

}
