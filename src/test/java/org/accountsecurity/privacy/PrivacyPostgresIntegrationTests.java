package org.accountsecurity.privacy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.support.PostgresIntegrationTest;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy tables (V13), their parallel first saves and the data download on a real
 * PostgreSQL: runs when the machine's PostgreSQL answers, skipped otherwise.
 */
class PrivacyPostgresIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	AccountService accountService;

	@Autowired
	PrivacySettings privacy;

	@Autowired
	PersonalDataExport export;

	@Autowired
	JdbcClient jdbc;

	@Test
	void settingsRaceAndTheDownloadWorkOnPostgres() {
		assertThat(jdbc.sql("select current_schema()").query(String.class).single()).isEqualTo(SCHEMA);
		Account account = TestAccounts.create(accountService, Language.EN);

		List<WebinarCookieSettings> saved = Race.run(6, i -> privacy.changeCookieSettings(account.id(),
				new WebinarCookieSettings(i % 2 == 0, true, false), RequestOrigin.SYSTEM));
		DpaAcceptance accepted = privacy.acceptDpa(account.id(), RequestOrigin.SYSTEM);
		jdbc.sql("insert into recovery_code (account_id, code_hash, created_at, used_at) values (?, ?, ?, ?), "
				+ "(?, ?, ?, null)")
			.params(account.id(), "a".repeat(64), Timestamp.from(Instant.parse("2026-11-30T08:00:00Z")),
					Timestamp.from(Instant.parse("2026-12-01T08:00:00Z")), account.id(), "b".repeat(64),
					Timestamp.from(Instant.parse("2026-11-30T08:00:00Z")))
			.update();

		assertThat(saved).hasSize(6);
		assertThat(jdbc.sql("select count(*) from webinar_cookie_settings where account_id = ?")
			.param(account.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(privacy.cookieSettings(account.id()).analytics()).isTrue();
		assertThat(privacy.dpa(account.id())).contains(accepted);

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.prepare(account.id(), RequestOrigin.SYSTEM).writeTo(out);
		JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(json.at("/secondFactors/0/kind").asString()).isEqualTo("recovery-codes");
		assertThat(json.at("/secondFactors/0/unused").asInt()).isEqualTo(1);
		assertThat(json.at("/dataProcessingAgreement/acceptedVersion").asString()).isEqualTo("1.0");
		assertThat(json.get("securityEvents")
			.valueStream()
			.filter(e -> e.get("type").asString().equals("COOKIE_SETTINGS_CHANGED"))).hasSize(6);
	}

}
