package org.accountsecurity.secondfactor;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The passkeys page without a browser: the list (name, added, last used), renaming,
 * removal with the current password (once, however many parallel requests), another
 * account's passkey out of reach, the account JSON, and nothing of a credential in the
 * audit trail or the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class PasskeysIntegrationTests extends SecondFactorIntegrationTest {

	static final Instant ADDED = Instant.parse("2026-03-01T10:00:00Z");

	static final Instant USED = Instant.parse("2026-03-02T11:30:00Z");

	@Autowired
	PublicKeyCredentialUserEntityRepository userEntities;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	Passkeys passkeys;

	TestPasskeys stored;

	@BeforeEach
	void store() {
		stored = new TestPasskeys(userEntities, jdbcTemplate);
	}

	@Test
	void theListShowsNameAddedAndLastUsed() {
		Account account = TestAccounts.create(accountService, Language.EN);
		stored.add(account, "Work laptop", ADDED, USED);
		stored.add(account, "Phone <b>", ADDED.plus(1, ChronoUnit.DAYS), ADDED.plus(1, ChronoUnit.DAYS));
		WebClient browser = signedIn(account);
		HttpResponse<String> page = browser.get("/account/security/passkeys");
		assertThat(page.statusCode()).isEqualTo(200);
		Document html = Jsoup.parse(page.body());
		assertThat(html.select("#passkeys .passkey-name").eachText()).containsExactly("Work laptop", "Phone <b>");
		assertThat(html.select("#passkeys .passkey-added time").eachAttr("datetime")).containsExactly(ADDED.toString(),
				ADDED.plus(1, ChronoUnit.DAYS).toString());
		assertThat(html.select("#passkeys .passkey-last-used").eachText())
			.containsExactly(html.select("#passkeys .passkey-last-used time").first().text(), "Not used yet");
		assertThat(html.select("#passkeys .passkey-last-used time").attr("datetime")).isEqualTo(USED.toString());
		// Adding one asks for the password first; the script is there, with its no-script
		// note.
		assertThat(html.getElementById("proof-currentPassword")).isNotNull();
		assertThat(html.getElementById("proof-code")).isNull();
		assertThat(html.select("script[src$=/js/passkeys.js]")).isNotEmpty();
		assertThat(html.select("script:not([src])")).isEmpty();

		Document details = Jsoup.parse(browser.get("/account").body());
		assertThat(details.getElementById("passkey-count").text()).isEqualTo("2");
		assertThat(details.getElementById("two-step-status").text()).isEqualTo("Off");
		assertThat(details.getElementById("passkeys-link").attr("href")).endsWith("/account/security/passkeys");
	}

	@Test
	void renamingChangesOnlyTheNameAndRefusesBadNames() {
		Account account = TestAccounts.create(accountService, Language.DE);
		String id = stored.add(account, "Alt", ADDED, USED);
		WebClient browser = signedIn(account);
		browser.get("/account/security/passkeys");
		assertThat(browser.post(path(id, "rename"), Map.of("name", "  Büro-Laptop  ")).statusCode()).isEqualTo(302);
		assertThat(names(account)).containsExactly("Büro-Laptop");
		for (String bad : List.of("", "   ", "x".repeat(65), "evil\u202Egnp.exe", "a\nb")) {
			assertThat(browser.post(path(id, "rename"), Map.of("name", bad)).statusCode()).as(bad).isEqualTo(400);
		}
		assertThat(names(account)).containsExactly("Büro-Laptop");
		assertThat(passkeys.of(account.id())).singleElement()
			.satisfies(p -> assertThat(p.lastUsedAt()).isEqualTo(USED));
		assertThat(auditTypes(account)).containsOnlyOnce("PASSKEY_RENAMED");
	}

	@Test
	void removalNeedsTheCurrentPassword(CapturedOutput output) {
		Account account = TestAccounts.create(accountService, Language.PL);
		String id = stored.add(account, "Klucz", ADDED, USED);
		WebClient browser = signedIn(account);
		browser.get("/account/security/passkeys");
		HttpResponse<String> wrong = browser.post(path(id, "remove"), Map.of("currentPassword", "not the password"));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(wrong.body()).select(".passkey-remove [aria-invalid=true]")).hasSize(1);
		assertThat(browser.post(path(id, "remove"), Map.of()).statusCode()).isEqualTo(400);
		assertThat(passkeys.count(account.id())).isEqualTo(1);

		assertThat(browser.post(path(id, "remove"), Map.of("currentPassword", TestAccounts.PASSWORD)).statusCode())
			.isEqualTo(302);
		assertThat(passkeys.count(account.id())).isZero();
		assertThat(auditReasons(account, "PASSKEY_REMOVED")).containsExactly("wrong_password", "wrong_password", null);
		assertNothingOfTheCredentialIsKept(account, id, output);
	}

	@Test
	void parallelRemovalsRemoveOnceAndAuditOnce() {
		Account account = TestAccounts.create(accountService, Language.EN);
		String id = stored.add(account, "Race", ADDED, USED);
		List<Passkeys.Status> outcomes = Race.run(6, i -> passkeys.remove(account.id(), id, TestAccounts.PASSWORD,
				new org.accountsecurity.requester.RequestOrigin("198.51.100.7", "test", null)));
		assertThat(outcomes).containsOnlyOnce(Passkeys.Status.DONE);
		assertThat(outcomes).filteredOn(s -> s != Passkeys.Status.DONE).containsOnly(Passkeys.Status.NOT_FOUND);
		assertThat(auditReasons(account, "PASSKEY_REMOVED")).containsExactly((String) null);
	}

	@Test
	void anotherAccountsPasskeyCannotBeRenamedOrRemoved() {
		Account owner = TestAccounts.create(accountService, Language.EN);
		Account other = TestAccounts.create(accountService, Language.EN);
		String id = stored.add(owner, "Owner's key", ADDED, USED);
		WebClient intruder = signedIn(other);
		intruder.get("/account/security/passkeys");
		assertThat(intruder.post(path(id, "rename"), Map.of("name", "Mine now")).statusCode()).isEqualTo(404);
		assertThat(intruder.post(path(id, "remove"), Map.of("currentPassword", TestAccounts.PASSWORD)).statusCode())
			.isEqualTo(404);
		assertThat(
				intruder.post(path("%2e%2e", "remove"), Map.of("currentPassword", TestAccounts.PASSWORD)).statusCode())
			.isBetween(400, 404);
		assertThat(names(owner)).containsExactly("Owner's key");
		assertThat(auditTypes(owner)).doesNotContain("PASSKEY_RENAMED", "PASSKEY_REMOVED");
		// Spring Security's own removal endpoint is closed.
		HttpResponse<String> springRemoval = intruder
			.send(HttpRequest.newBuilder(URI.create(intruder.base() + "/webauthn/register/" + id))
				.header("X-XSRF-TOKEN", csrf(intruder.get("/account/security/passkeys").body()))
				.DELETE()
				.build());
		assertThat(springRemoval.statusCode()).isEqualTo(403);
		assertThat(passkeys.count(owner.id())).isEqualTo(1);
	}

	@Test
	void addingNeedsARecentProofAndOptionsOfThisSession() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = signedIn(account);
		String page = browser.get("/account/security/passkeys").body();
		assertThat(register(browser, csrf(page)).statusCode()).isEqualTo(403);
		assertThat(browser.post("/account/security/passkeys/proof", Map.of("currentPassword", "wrong")).statusCode())
			.isEqualTo(400);
		assertThat(browser.post("/account/security/passkeys/proof", Map.of("currentPassword", TestAccounts.PASSWORD))
			.statusCode()).isEqualTo(302);
		page = browser.get("/account/security/passkeys").body();
		assertThat(Jsoup.parse(page).getElementById("passkey-name")).isNotNull();
		assertThat(Jsoup.parse(page).select("[data-passkey=register]").attr("data-csrf-header"))
			.isEqualTo("X-XSRF-TOKEN");
		// Proven, but no creation options were asked for in this session.
		assertThat(register(browser, csrf(page)).statusCode()).isEqualTo(400);
		// Spring Security's own registration endpoint is closed.
		HttpResponse<String> springRegistration = browser.send(json(browser, "/webauthn/register", csrf(page), "{}"));
		assertThat(springRegistration.statusCode()).isEqualTo(403);
		clock.advance(PasskeyProofs.VALID.plusSeconds(1));
		assertThat(Jsoup.parse(browser.get("/account/security/passkeys").body()).getElementById("passkey-name"))
			.isNull();
		assertThat(auditReasons(account, "PASSKEY_REGISTERED")).containsExactly("no_proof", "wrong_password",
				"no_options");
	}

	@Test
	void anUnknownPasskeyIsA401AuditedWithoutItsId(CapturedOutput output) {
		WebClient browser = new WebClient(port);
		String csrf = csrf(browser.get("/login").body());
		HttpResponse<String> options = browser.send(json(browser, "/webauthn/authenticate/options", csrf, ""));
		assertThat(options.statusCode()).isEqualTo(200);
		assertThat(options.body()).contains("\"userVerification\":\"required\"", "\"rpId\":\"localhost\"");
		String unknownId = "bm90LWEtcmVhbC1wYXNza2V5LWlkLW9mLWFueW9uZQ";
		HttpResponse<String> refused = browser.send(json(browser, "/login/webauthn", csrf, "{\"id\":\"" + unknownId
				+ "\",\"rawId\":\"" + unknownId + "\",\"type\":\"public-key\",\"clientExtensionResults\":{},"
				+ "\"response\":{\"authenticatorData\":\"AA\",\"clientDataJSON\":\"AA\",\"signature\":\"AA\"}}"));
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(browser.get("/account").statusCode()).isEqualTo(302);
		List<String> failures = jdbc
			.sql("select reason || ' ' || details from audit_event where type = 'PASSKEY_SIGN_IN_FAILED' "
					+ "and details like ?")
			.param("%" + PasskeyReference.of(unknownId) + "%")
			.query(String.class)
			.list();
		assertThat(failures).singleElement().satisfies(f -> assertThat(f).startsWith("not_verified"));
		assertThat(output.getAll()).doesNotContain(unknownId);
		// A second try with the same options is refused before any check: they were used.
		assertThat(browser.send(json(browser, "/login/webauthn", csrf, "{}")).statusCode()).isEqualTo(401);
	}

	@Test
	void theAccountJsonNamesPasskeysAndRemoveAllDeletesThem() {
		Account account = TestAccounts.create(accountService, Language.EN);
		assertThat(accountJson(account)).contains("\"secondFactors\":[]");
		String id = stored.add(account, "Key", ADDED, USED);
		stored.add(account, "Key 2", ADDED, USED);
		assertThat(accountJson(account)).contains("\"secondFactors\":[\"passkey\"]").doesNotContain(id);
		assertThat(passkeys.removeAll(account.id())).isEqualTo(2);
		assertThat(accountJson(account)).contains("\"secondFactors\":[]");
	}

	private void assertNothingOfTheCredentialIsKept(Account account, String id, CapturedOutput output) {
		String audit = String.join("\n", jdbc
			.sql("select coalesce(reason, '') || ' ' || coalesce(details, '') from audit_event where account_id = ?")
			.param(account.id())
			.query(String.class)
			.list());
		assertThat(audit).contains(PasskeyReference.of(id)).doesNotContain(id);
		assertThat(output.getAll()).doesNotContain(id);
	}

	private WebClient signedIn(Account account) {
		WebClient browser = new WebClient(port);
		assertThat(browser.signIn(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
		return browser;
	}

	private List<String> names(Account account) {
		return passkeys.of(account.id()).stream().map(Passkey::name).toList();
	}

	private static String path(String id, String action) {
		return "/account/security/passkeys/" + id + "/" + action;
	}

	/** The page's CSRF token, sent as a script sends it: in the X-XSRF-TOKEN header. */
	private static String csrf(String page) {
		return Jsoup.parse(page).select("input[name=_csrf]").first().val();
	}

	private static HttpResponse<String> register(WebClient browser, String csrf) {
		return browser.send(json(browser, "/account/security/passkeys", csrf,
				"{\"credential\":{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\",\"response\":"
						+ "{\"attestationObject\":\"AA\",\"clientDataJSON\":\"AA\"}},\"label\":\"Mine\"}"));
	}

	private static HttpRequest json(WebClient browser, String path, String csrf, String body) {
		return HttpRequest.newBuilder(URI.create(browser.base() + path))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
