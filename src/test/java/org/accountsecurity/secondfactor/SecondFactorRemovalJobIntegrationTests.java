package org.accountsecurity.secondfactor;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The removal itself: nothing before {@code app.second-factor.removal-delay}, then TOTP
 * and recovery codes gone, audited as the system's and mailed, once however many
 * instances' jobs run at the same moment; and the audit console's button and list.
 */
class SecondFactorRemovalJobIntegrationTests extends SecondFactorIntegrationTest {

	@Autowired
	Mailbox mailbox;

	@Autowired
	Outbox outbox;

	@Autowired
	RemovalJob job;

	@Autowired
	PublicKeyCredentialUserEntityRepository userEntities;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Test
	void afterTheDelayTheFactorsAreRemovedAuditedAndMailed() {
		Account account = TestAccounts.create(accountService, Language.EN);
		new TotpTestSteps(clock).enrol(new WebClient(port), account);
		new TestPasskeys(userEntities, jdbcTemplate).add(account, "Lost phone", clock.instant(), clock.instant());
		assertThat(new RemovalTestSteps(port).requestRemoval(account.id()).statusCode()).isEqualTo(202);
		MimeMessage asked = RemovalTestSteps.mails(mailbox, account, RemovalTestSteps.REQUESTED_SUBJECT, 1).get(0);

		clock.advance(Duration.ofHours(71).plusMinutes(59));
		job.removeDue();
		assertThat(factors(account)).isEqualTo(12);
		assertThat(auditTypes(account)).doesNotContain("SECOND_FACTOR_REMOVED");

		clock.advance(Duration.ofMinutes(2));
		job.removeDue();
		assertThat(factors(account)).isZero();
		assertThat(pending(account)).isZero();
		assertThat(jdbc.sql("select actor, details from audit_event where account_id = ? and type = ?")
			.params(account.id(), "SECOND_FACTOR_REMOVED")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list()).singleElement().satisfies(e -> assertThat(e).startsWith("system ").contains("operator_request"));
		MimeMessage removed = RemovalTestSteps.mails(mailbox, account, RemovalTestSteps.REMOVED_SUBJECT, 1).get(0);
		assertThat(Mailbox.text(removed)).contains("Signing in now asks for your password only");

		// The password alone signs in now; the old cancel link is spent.
		clock.reset();
		HttpResponse<String> signIn = new WebClient(port).signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
		assertThat(new WebClient(port).get(RemovalTestSteps.cancelPath(asked)).statusCode()).isEqualTo(410);
	}

	@Test
	void jobsOfManyInstancesAtOnceRemoveOnceAndAuditOnce() {
		Account account = TestAccounts.create(accountService, Language.EN);
		new TotpTestSteps(clock).enrol(new WebClient(port), account);
		new RemovalTestSteps(port).requestRemoval(account.id());
		RemovalTestSteps.mails(mailbox, account, RemovalTestSteps.REQUESTED_SUBJECT, 1);
		clock.advance(Duration.ofHours(73));

		List<Integer> removed = Race.run(8, i -> job.removeDue());

		// The scheduled run may have taken it first; then no thread did.
		assertThat(removed.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(1);
		assertThat(factors(account)).isZero();
		assertThat(auditTypes(account)).filteredOn("SECOND_FACTOR_REMOVED"::equals).hasSize(1);
		RemovalTestSteps.mails(mailbox, account, RemovalTestSteps.REMOVED_SUBJECT, 1);
		outbox.awaitDrained();
		assertThat(RemovalTestSteps.withSubject(mailbox, account, RemovalTestSteps.REMOVED_SUBJECT)).hasSize(1);
	}

	@Test
	void nothingIsRemovedBeforeTheHolderWasMailed() {
		Account account = TestAccounts.create(accountService, Language.EN);
		new TotpTestSteps(clock).enrol(new WebClient(port), account);
		// A removal whose mail never went out (no cancel token yet).
		jdbc.sql("insert into second_factor_removal (account_id, requested_at, effective_at) values (?, ?, ?)")
			.params(account.id(), java.sql.Timestamp.from(clock.instant()), java.sql.Timestamp.from(clock.instant()))
			.update();
		clock.advance(Duration.ofHours(100));
		job.removeDue();
		assertThat(factors(account)).isEqualTo(11);
		assertThat(pending(account)).isEqualTo(1);
		jdbc.sql("delete from second_factor_removal where account_id = ?").param(account.id()).update();
	}

	@Test
	void theConsoleButtonAsksForTheRemovalAndTheConsoleListsIt() {
		Account account = TestAccounts.create(accountService, Language.EN);
		new TotpTestSteps(clock).enrol(new WebClient(port), account);
		WebClient operator = new WebClient(port);
		operator.signIn(RemovalTestSteps.OPERATOR, RemovalTestSteps.OPERATOR_PASSWORD);
		HttpResponse<String> console = operator.get("/operator/audit?email=" + account.email());
		assertThat(console.body()).contains("id=\"remove-factors\"", "id=\"second-factor-kinds\">totp<");

		HttpResponse<String> asked = operator.post("/operator/accounts/" + account.id() + "/second-factors/removal",
				Map.of());
		assertThat(asked.statusCode()).isEqualTo(302);
		String location = asked.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/operator/audit?email=");
		HttpResponse<String> back = operator.get(location.substring(location.indexOf("/operator/")));
		assertThat(back.body())
			.contains("data-result=\"created\"", "id=\"removal-pending\"", "id=\"pending-removals\"",
					"data-account=\"" + account.id() + "\"")
			.doesNotContain("id=\"remove-factors\"");
		RemovalTestSteps.mails(mailbox, account, RemovalTestSteps.REQUESTED_SUBJECT, 1);
		assertThat(auditTypes(account)).contains("SECOND_FACTOR_REMOVAL_REQUESTED");
		// Leave no pending removal for the other tests' lists.
		jdbc.sql("delete from second_factor_removal where account_id = ?").param(account.id()).update();
	}

	private long factors(Account account) {
		return jdbc
			.sql("select (select count(*) from totp_credential where account_id = ?)"
					+ " + (select count(*) from recovery_code where account_id = ?)"
					+ " + (select count(*) from user_credentials c join user_entities u"
					+ " on u.id = c.user_entity_user_id where u.account_id = ?)")
			.params(account.id(), account.id(), account.id())
			.query(Long.class)
			.single();
	}

	private long pending(Account account) {
		return jdbc.sql("select count(*) from second_factor_removal where account_id = ?")
			.param(account.id())
			.query(Long.class)
			.single();
	}

}
