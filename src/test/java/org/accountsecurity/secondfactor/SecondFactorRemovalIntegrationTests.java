package org.accountsecurity.secondfactor;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import jakarta.mail.internet.MimeMessage;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.Outbox;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.ServiceTest;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator asks to remove a lost second factor (SPEC §15): the holder is mailed at
 * once with a link that cancels; the link works once and for nothing else; a sign-in with
 * the factor cancels too; only operators may ask.
 */
class SecondFactorRemovalIntegrationTests extends SecondFactorIntegrationTest {

	@Autowired
	Mailbox mailbox;

	@Autowired
	Outbox outbox;

	@Test
	void theHolderIsMailedAndCancelsByTheLinkOnceAndTheFactorsStay() {
		Account account = TestAccounts.create(accountService, Language.EN);
		TotpTestSteps.Enrolled enrolled = new TotpTestSteps(clock).enrol(new WebClient(port), account);
		RemovalTestSteps api = new RemovalTestSteps(port);

		HttpResponse<String> asked = api.requestRemoval(account.id());
		assertThat(asked.statusCode()).isEqualTo(202);
		assertThat(asked.body()).contains("\"requestedAt\"", "\"effectiveAt\"", "\"created\":true");
		Instant requestedAt = jdbc.sql("select requested_at from second_factor_removal where account_id = ?")
			.param(account.id())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(asked.body()).contains("\"effectiveAt\":\"" + requestedAt.plus(Duration.ofHours(72)));
		// Idempotent: the same removal, no second mail.
		HttpResponse<String> again = api.requestRemoval(account.id());
		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(again.body()).contains("\"created\":false", "\"requestedAt\":\"" + requestedAt);
		assertThat(api.accountJson(account.id()).body()).contains("\"secondFactorRemoval\":{\"requestedAt\":\"");

		MimeMessage mail = RemovalTestSteps.mails(mailbox, account, RemovalTestSteps.REQUESTED_SUBJECT, 1).get(0);
		String text = Mailbox.text(mail);
		assertThat(text).contains("an operator of Account Security", "It will be removed on")
			.doesNotContain(RemovalTestSteps.OPERATOR);
		assertThat(Mailbox.link(mail, "/second-factor/removal/cancel?token=")).startsWith(BASE_URL);
		String cancel = RemovalTestSteps.cancelPath(mail);

		WebClient holder = new WebClient(port);
		HttpResponse<String> opened = holder.get(cancel);
		assertThat(opened.statusCode()).isEqualTo(303);
		assertThat(opened.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/second-factor/removal/cancel").doesNotContain("token"));
		assertThat(opened.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		HttpResponse<String> confirm = holder.get("/second-factor/removal/cancel");
		assertThat(confirm.statusCode()).isEqualTo(200);
		assertThat(confirm.body()).contains("id=\"cancel-removal\"");
		// Opening the link used nothing up.
		assertThat(pending(account)).isEqualTo(1);
		HttpResponse<String> cancelled = holder.post("/second-factor/removal/cancel", Map.of());
		assertThat(cancelled.statusCode()).isEqualTo(200);
		assertThat(cancelled.body()).contains("data-state=\"cancelled\"");

		assertThat(pending(account)).isZero();
		assertThat(jdbc.sql("select count(*) from totp_credential where account_id = ?")
			.param(account.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(new TotpTestSteps(clock).signIn(new WebClient(port), account, enrolled.recoveryCodes().get(0))
			.statusCode()).isEqualTo(302);
		assertThat(auditReasons(account, "SECOND_FACTOR_REMOVAL_REQUESTED")).containsExactly(null, "already_pending");
		assertThat(jdbc.sql("select actor from audit_event where account_id = ? and type = ?")
			.params(account.id(), "SECOND_FACTOR_REMOVAL_REQUESTED")
			.query(String.class)
			.list()).allSatisfy(actor -> assertThat(actor).startsWith("operator:"));
		assertThat(details(account, "SECOND_FACTOR_REMOVAL_CANCELLED")).singleElement()
			.satisfies(d -> assertThat(d).contains("link"));

		// Used: neither the same browser nor the link again can use it.
		assertThat(holder.post("/second-factor/removal/cancel", Map.of()).statusCode()).isEqualTo(410);
		assertThat(new WebClient(port).get(cancel).statusCode()).isEqualTo(410);
		assertThat(auditTypes(account)).filteredOn("SECOND_FACTOR_REMOVAL_CANCELLED"::equals).hasSize(1);
	}

	@Test
	void theCancelTokenIsUselessForAnythingElseAndOtherTokensAreUselessHere() {
		Account account = TestAccounts.create(accountService, Language.DE);
		new TotpTestSteps(clock).enrol(new WebClient(port), account);
		assertThat(new RemovalTestSteps(port).requestRemoval(account.id()).statusCode()).isEqualTo(202);
		MimeMessage mail = RemovalTestSteps
			.mails(mailbox, account, "Ihre Anmeldung in zwei Schritten wird bald entfernt", 1)
			.get(0);
		String token = Mailbox.tokenOf(Mailbox.link(mail, "/second-factor/removal/cancel?token="));

		WebClient browser = new WebClient(port);
		assertThat(browser.get("/password/reset?token=" + token).statusCode()).isEqualTo(400);
		assertThat(browser.get("/password/reset/cancel?token=" + token).statusCode()).isEqualTo(400);
		assertThat(browser.get("/account/email/confirm?token=" + token).statusCode()).isBetween(400, 499);
		// Signed with the reset key, or unsigned, with this purpose and account: refused.
		String resetKeyed = Jwts.builder()
			.header()
			.keyId("test")
			.and()
			.subject(account.id().toString())
			.claim("pur", RemovalCancelTokens.PURPOSE)
			.id(UUID.randomUUID().toString())
			.expiration(Date.from(Instant.now().plus(Duration.ofHours(1))))
			.signWith(Keys.hmacShaKeyFor(Base64.getDecoder().decode(ServiceTest.SIGNING_KEY.substring(5))))
			.compact();
		String unsigned = Jwts.builder()
			.subject(account.id().toString())
			.claim("pur", RemovalCancelTokens.PURPOSE)
			.id(UUID.randomUUID().toString())
			.compact();
		for (String forged : List.of(resetKeyed, unsigned, token.substring(0, token.length() - 2), "")) {
			assertThat(browser.get("/second-factor/removal/cancel?token=" + forged).statusCode()).isEqualTo(410);
		}
		assertThat(browser.get("/second-factor/removal/cancel").statusCode()).isEqualTo(410);
		assertThat(pending(account)).isEqualTo(1);
		assertThat(auditTypes(account)).doesNotContain("SECOND_FACTOR_REMOVAL_CANCELLED", "PASSWORD_CHANGED");
	}

	@Test
	void parallelConfirmationsOfOneLinkCancelOnce() {
		Account account = TestAccounts.create(accountService, Language.PL);
		new TotpTestSteps(clock).enrol(new WebClient(port), account);
		new RemovalTestSteps(port).requestRemoval(account.id());
		String cancel = RemovalTestSteps.cancelPath(
				RemovalTestSteps.mails(mailbox, account, "Logowanie dwuetapowe zostanie wkrótce usunięte", 1).get(0));
		List<WebClient> browsers = java.util.stream.Stream.generate(() -> new WebClient(port)).limit(8).toList();
		browsers.forEach(b -> assertThat(b.get(cancel).statusCode()).isEqualTo(303));
		browsers.forEach(b -> b.get("/second-factor/removal/cancel"));
		List<Integer> answers = Race.run(browsers.size(),
				i -> browsers.get(i).post("/second-factor/removal/cancel", Map.of()).statusCode());
		assertThat(answers).filteredOn(s -> s == 200).hasSize(1);
		assertThat(answers).filteredOn(s -> s == 410).hasSize(browsers.size() - 1);
		assertThat(auditTypes(account)).filteredOn("SECOND_FACTOR_REMOVAL_CANCELLED"::equals).hasSize(1);
	}

	@Test
	void aSignInWithTheTotpCodeWhilePendingCancelsIt() {
		Account account = TestAccounts.create(accountService, Language.EN);
		TotpTestSteps steps = new TotpTestSteps(clock);
		WebClient signedIn = new WebClient(port);
		TotpTestSteps.Enrolled enrolled = steps.enrol(signedIn, account);
		new RemovalTestSteps(port).requestRemoval(account.id());
		RemovalTestSteps.mails(mailbox, account, RemovalTestSteps.REQUESTED_SUBJECT, 1);
		assertThat(signedIn.get("/account").body()).contains("id=\"removal-pending\"", "sign in again with a code");

		// The password alone cancels nothing.
		WebClient browser = steps.passwordStep(new WebClient(port), account);
		assertThat(pending(account)).isEqualTo(1);
		HttpResponse<String> code = browser.post("/login/second-factor",
				Map.of("code", steps.freshCode(enrolled.app())));
		assertThat(code.statusCode()).isEqualTo(302);

		assertThat(pending(account)).isZero();
		assertThat(details(account, "SECOND_FACTOR_REMOVAL_CANCELLED")).singleElement()
			.satisfies(d -> assertThat(d).contains("sign_in"));
		assertThat(browser.get("/account").body()).doesNotContain("id=\"removal-pending\"");
		assertThat(new RemovalTestSteps(port).accountJson(account.id()).body())
			.contains("\"secondFactorRemoval\":null");
	}

	@Test
	void onlyOperatorsMayAskAndOnlyForAnAccountWithAFactor() {
		Account holder = TestAccounts.create(accountService, Language.EN);
		Account victim = TestAccounts.create(accountService, Language.EN);
		new TotpTestSteps(clock).enrol(new WebClient(port), victim);
		RemovalTestSteps api = new RemovalTestSteps(port);

		assertThat(api.requestRemoval(victim.id(), holder.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(403);
		assertThat(api.requestRemoval(victim.id(), null, null).statusCode()).isEqualTo(401);
		WebClient user = new WebClient(port);
		user.signIn(holder.email(), TestAccounts.PASSWORD);
		user.get("/account");
		assertThat(user.post("/operator/accounts/" + victim.id() + "/second-factors/removal", Map.of()).statusCode())
			.isEqualTo(403);
		assertThat(pending(victim)).isZero();

		HttpResponse<String> unknown = api.requestRemoval(UUID.randomUUID());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		HttpResponse<String> none = api.requestRemoval(holder.id());
		assertThat(none.statusCode()).isEqualTo(409);
		assertThat(none.body()).contains("no-second-factor");
		assertThat(auditReasons(holder, "SECOND_FACTOR_REMOVAL_REQUESTED")).containsExactly("no_second_factor");
		outbox.awaitDrained();
		assertThat(RemovalTestSteps.withSubject(mailbox, victim, RemovalTestSteps.REQUESTED_SUBJECT)).isEmpty();
	}

	private long pending(Account account) {
		return jdbc.sql("select count(*) from second_factor_removal where account_id = ?")
			.param(account.id())
			.query(Long.class)
			.single();
	}

	private List<String> details(Account account, String type) {
		return jdbc.sql("select details from audit_event where account_id = ? and type = ? order by id")
			.params(account.id(), type)
			.query(String.class)
			.list();
	}

}
