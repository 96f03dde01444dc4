package org.accountsecurity.password;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No password hints, no security questions and no forced periodic change
 * (docs/security.md PW-13): every form of every page is parsed for such fields, no
 * setting of the password policy is a lifetime, and a password set ten years ago still
 * signs in straight to Account details.
 */
class NoHintsQuestionsOrRotationIntegrationTests extends IntegrationTest {

	static final Pattern HINT_OR_QUESTION = Pattern
		.compile("(?i)hint|question|answer|secret|reminder|memorable|maiden|favou?rite|mother|\\bpet\\b");

	static final Pattern LIFETIME = Pattern.compile("(?i)expir|rotat|max-?age|lifetime|period|interval|days|valid");

	static final Pattern FORM = Pattern.compile("(?s)<form\\b.*?</form>");

	static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b[^>]*>");

	static final Pattern LABEL = Pattern.compile("(?s)<label\\b[^>]*>(.*?)</label>");

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	Mailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableEnvironment environment;

	@Test
	void noFormAsksForAHintOrTheAnswerToASecurityQuestion() {
		List<String> pages = everyPageWithAForm();
		Set<String> names = new LinkedHashSet<>();
		int forms = 0;
		for (String page : pages) {
			assertThat(page).doesNotContainPattern("(?i)security question|password hint|secret question");
			Matcher form = FORM.matcher(page);
			while (form.find()) {
				forms++;
				List<String> words = new ArrayList<>();
				Matcher field = FIELD.matcher(form.group());
				while (field.find()) {
					words.add(attribute(field.group(), "name"));
					words.add(attribute(field.group(), "id"));
					words.add(attribute(field.group(), "placeholder"));
					words.add(attribute(field.group(), "autocomplete"));
					names.add(attribute(field.group(), "name"));
				}
				Matcher label = LABEL.matcher(form.group());
				while (label.find()) {
					words.add(label.group(1).replaceAll("<[^>]*>", " "));
				}
				assertThat(words).as(form.group()).noneMatch(word -> HINT_OR_QUESTION.matcher(word).find());
			}
		}
		// The parser saw the forms that matter: sign-in, reset, new password, e-mail
		// change.
		assertThat(forms).isGreaterThanOrEqualTo(8);
		assertThat(names).contains("username", "password", "email", "confirmPassword", "newEmail", "currentPassword",
				"token");
	}

	@Test
	void noPasswordSettingIsALifetime() {
		assertThat(PasswordProperties.class.getRecordComponents())
			.noneMatch(component -> LIFETIME.matcher(component.getName()).find());
		List<String> keys = new ArrayList<>();
		for (var source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String key : enumerable.getPropertyNames()) {
					if (key.startsWith("app.password.") || key.startsWith("APP_PASSWORD_")) {
						keys.add(key);
					}
				}
			}
		}
		assertThat(keys).noneMatch(key -> LIFETIME.matcher(key).find());
	}

	@Test
	void aPasswordSetTenYearsAgoStillSignsInStraightToAccountDetails() {
		Account account = TestAccounts.create(accountService, Language.EN);
		Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(3650)));
		jdbc.sql("update account set password_changed_at = ?, created_at = ?, updated_at = ? where id = ?")
			.params(longAgo, longAgo, longAgo, account.id())
			.update();

		WebClient holder = new WebClient(port);
		assertThat(holder.signIn(account.email(), TestAccounts.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/account"));
		assertThat(holder.get("/account").statusCode()).isEqualTo(200);
	}

	@Test
	void passwordFieldsWorkWithPasswordManagers() {
		int fields = 0;
		for (String page : everyPageWithAForm()) {
			Matcher field = FIELD.matcher(page);
			while (field.find()) {
				String tag = field.group();
				if (!attribute(tag, "type").equals("password") && !attribute(tag, "name").contains("assword")) {
					continue;
				}
				fields++;
				assertThat(attribute(tag, "type")).as(tag).isEqualTo("password");
				assertThat(attribute(tag, "autocomplete")).as(tag).isIn("current-password", "new-password");
				assertThat(tag).as(tag).doesNotContainPattern("(?i)\\son(paste|copy|cut|drop)=");
			}
			assertThat(page).doesNotContainPattern("(?i)on(paste|copy|cut)=");
			Matcher script = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"").matcher(page);
			while (script.find()) {
				assertThat(new WebClient(port).get(script.group(1)).body()).as(script.group(1))
					.doesNotContainPattern("(?i)['\"](paste|copy|cut)['\"]");
			}
		}
		// Sign-in, new password and its confirmation, the e-mail change's current
		// password.
		assertThat(fields).isGreaterThanOrEqualTo(4);
	}

	/**
	 * Every page with a form, as its audience sees it: anonymous, from a reset link,
	 * signed in, from an e-mail confirmation link, and as an operator.
	 */
	private List<String> everyPageWithAForm() {
		Account account = TestAccounts.create(accountService, Language.EN);
		List<String> pages = new ArrayList<>();
		WebClient anonymous = new WebClient(port);
		pages.add(anonymous.get("/login").body());
		pages.add(anonymous.get("/password/forgot").body());
		anonymous.post("/password/forgot", Map.of("email", account.email()));
		String link = Mailbox.link(mailbox.await(account.email(), 1).get(0), "/password/reset?token=");
		anonymous.get(link.substring(BASE_URL.length()));
		pages.add(anonymous.get("/password/reset/new").body());
		pages.add(new WebClient(port)
			.get("/password/reset/cancel?token=" + Mailbox.token(mailbox.to(account.email()).get(0)))
			.body());

		WebClient holder = new WebClient(port);
		holder.signIn(account.email(), TestAccounts.PASSWORD);
		pages.add(holder.get("/account").body());
		String newEmail = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		holder.post("/account/email", Map.of("newEmail", newEmail, "currentPassword", TestAccounts.PASSWORD));
		String confirm = Mailbox.link(mailbox.await(newEmail, 1).get(0), "/account/email/confirm?token=");
		pages.add(new WebClient(port).get(confirm.substring(BASE_URL.length())).body());

		WebClient operator = new WebClient(port);
		operator.signIn("operator@example.com", "audit trail keeper 2026");
		pages.add(operator.get("/operator/audit?email=" + account.email()).body());
		pages.add(operator.get("/operator/accounts/" + account.id() + "/audit-erasure").body());
		return pages;
	}

	private static String attribute(String tag, String name) {
		Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
		return value.find() ? value.group(1) : "";
	}

}
