package org.accountsecurity.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.Language;
import org.accountsecurity.secondfactor.RemovalJob;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.TestClock;
import org.accountsecurity.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No mail carries a password, a hash or anything like a temporary password; links are its
 * only secret (docs/security.md FP-12). Every kind of mail the service has a handler for
 * is triggered, and both parts of each (text and HTML) are searched.
 */
class MailSecretsIntegrationTests extends IntegrationTest {

	static final String NEW_PASSWORD = "a new passphrase for scanning mails";

	static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

	static final Pattern HASH_LIKE = Pattern.compile("\\$2[abxy]?\\$\\d{2}\\$|\\{bcrypt|\\b[0-9a-fA-F]{32,}\\b");

	// 8 or more letters and digits, both present, standing alone: what a generated
	// password looks like.
	static final Pattern PASSWORD_LIKE = Pattern
		.compile("(?<![\\w/.:@-])(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*[0-9])[A-Za-z0-9]{8,}(?![\\w/.:@-])");

	// A password handed over after a colon on the same line ("Your new password: ...").
	static final Pattern PASSWORD_GIVEN = Pattern.compile("(?i)(password|passwort|hasło)\\s*[:=][ \t]*\\S");

	// New-device alerts are off in the shared context (its tests count the mails a
	// sign-in leads to): LockdownIntegrationTests scans these two the same way.
	static final Set<String> TRIGGERED_ELSEWHERE = Set.of("new-device", "locked-down");

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	Accounts accounts;

	@Autowired
	Mailbox mailbox;

	@Autowired
	List<OutboxHandler> handlers;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	RemovalJob removalJob;

	@Test
	void noMailOfAnyKindCarriesAPasswordAHashOrATemporaryPassword() throws Exception {
		Account account = TestAccounts.create(accountService, Language.EN);
		String firstHash = accounts.findById(account.id()).orElseThrow().passwordHash();
		String newEmail = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";

		WebClient person = new WebClient(port);
		person.get("/password/forgot");
		person.post("/password/forgot", Map.of("email", account.email()));
		String link = Mailbox.link(mailbox.await(account.email(), 1).get(0), "/password/reset?token=");
		person.get(link.substring(BASE_URL.length()));
		person.get("/password/reset/new");
		assertThat(person.post("/password/reset/new", Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
			.statusCode()).isEqualTo(303);
		mailbox.await(account.email(), 2);

		WebClient holder = new WebClient(port);
		holder.signIn(account.email(), NEW_PASSWORD);
		holder.get("/account");
		assertThat(holder.post("/account/password-reset", Map.of()).statusCode()).isEqualTo(302);
		holder.get("/account");
		assertThat(holder.post("/account/email", Map.of("newEmail", newEmail, "currentPassword", NEW_PASSWORD))
			.statusCode()).isEqualTo(302);
		WebClient operator = new WebClient(port);
		operator.signIn("operator@example.com", "audit trail keeper 2026");
		operator.get("/operator/audit?email=" + account.email());
		assertThat(operator.post("/operator/accounts/" + account.id() + "/password-reset", Map.of()).statusCode())
			.isEqualTo(302);

		// The second-factor removal's mails: asked for (with its cancel link), then
		// carried
		// out. The factor is a bare row: the removal never reads its secret.
		jdbc.sql("insert into totp_credential (account_id, secret, enrolled_at) values (?, ?, ?)")
			.params(account.id(), "test:AAAA", java.sql.Timestamp.from(clock.instant()))
			.update();
		operator.get("/operator/audit?email=" + account.email());
		assertThat(
				operator.post("/operator/accounts/" + account.id() + "/second-factors/removal", Map.of()).statusCode())
			.isEqualTo(302);
		mailbox.await(account.email(), 6);
		clock.advance(java.time.Duration.ofHours(73));
		try {
			removalJob.removeDue();
		}
		finally {
			clock.reset();
		}

		List<MimeMessage> mails = new ArrayList<>(mailbox.await(account.email(), 7));
		mails.addAll(mailbox.await(newEmail, 1));
		String currentHash = accounts.findById(account.id()).orElseThrow().passwordHash();
		List<String> secrets = new ArrayList<>(List.of(TestAccounts.PASSWORD, NEW_PASSWORD));
		secrets.addAll(hashParts(firstHash));
		secrets.addAll(hashParts(currentHash));

		List<String> subjects = new ArrayList<>();
		for (MimeMessage mail : mails) {
			subjects.add(mail.getSubject());
			List<String> tokens = tokensIn(Mailbox.text(mail));
			MimeMultipart parts = (MimeMultipart) mail.getContent();
			assertThat(parts.getCount()).as(mail.getSubject()).isEqualTo(2);
			for (int i = 0; i < parts.getCount(); i++) {
				BodyPart part = parts.getBodyPart(i);
				String body = (String) part.getContent();
				String what = mail.getSubject() + " (" + part.getContentType() + ")";
				assertThat(body).as(what).doesNotContain(secrets).doesNotContainPattern(HASH_LIKE);
				String outsideLinks = LINK.matcher(body).replaceAll(" ").replaceAll("<[^>]*>", " ");
				assertThat(tokens).as(what).noneMatch(outsideLinks::contains);
				assertThat(outsideLinks).as(what)
					.doesNotContainPattern(PASSWORD_LIKE)
					.doesNotContainPattern(PASSWORD_GIVEN);
			}
		}
		for (OutboxHandler handler : handlers) {
			if (TRIGGERED_ELSEWHERE.contains(handler.kind())) {
				continue;
			}
			assertThat(subjects).as("a mail of kind " + handler.kind())
				.contains(messages.getMessage("mail." + handler.kind() + ".subject", null, Locale.ENGLISH));
		}
	}

	/** The stored hash, its BCrypt part, salt and digest: none may leave the database. */
	private static List<String> hashParts(String stored) {
		String bcrypt = stored.substring(stored.indexOf('$'));
		return List.of(stored, bcrypt, bcrypt.substring(7, 29), bcrypt.substring(29));
	}

	private static List<String> tokensIn(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher links = LINK.matcher(text);
		while (links.find()) {
			Matcher token = Pattern.compile("token=([^&]+)").matcher(links.group());
			if (token.find()) {
				tokens.add(java.net.URLDecoder.decode(token.group(1), StandardCharsets.US_ASCII));
			}
		}
		return tokens;
	}

}
