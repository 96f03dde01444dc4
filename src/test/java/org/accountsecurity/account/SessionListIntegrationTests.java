package org.accountsecurity.account;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Race;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.TestClock;
import org.accountsecurity.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository.RedisSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list of sessions on Account details (SPEC §16): two browsers of one account, each
 * with its browser and system; one signs the other out by its handle; handles of other
 * accounts, made-up ones and the asking session's own do nothing; parallel sign-outs end
 * a session once.
 */
class SessionListIntegrationTests extends IntegrationTest {

	static final String FIREFOX_WINDOWS = org.accountsecurity.device.UserAgentsTests.FIREFOX_WINDOWS;

	static final String CHROME_MAC = org.accountsecurity.device.UserAgentsTests.CHROME_MAC;

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	RedisIndexedSessionRepository sessions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void twoBrowsersAreListedAndOneSignsTheOtherOut() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient firefox = signedIn(account, FIREFOX_WINDOWS);
		WebClient chrome = signedIn(account, CHROME_MAC);

		HttpResponse<String> page = firefox.get("/account");
		assertThat(page.statusCode()).isEqualTo(200);
		List<Element> rows = rows(page);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).select("th").text()).isEqualTo("Firefox 128 on Windows 10 This device");
		assertThat(rows.get(0).select("form")).as("no Sign out for this device").isEmpty();
		assertThat(rows.get(1).select("th").text()).isEqualTo("Chrome 126 on Mac OS X 10");
		assertThat(rows.get(1).select("td").get(0).text()).isEqualTo("127.0.0.0/24");
		assertThat(rows.get(1).select("button").attr("aria-label")).isEqualTo("Sign out Chrome 126 on Mac OS X 10");
		assertThat(Jsoup.parse(page.body()).select("#sessions caption").text()).isNotBlank();
		Set<String> ids = sessions.findByPrincipalName(account.id().toString()).keySet();
		assertThat(ids).hasSize(2);
		for (String id : ids) {
			assertThat(page.body()).doesNotContain(id)
				.doesNotContain(Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.US_ASCII)));
		}

		HttpResponse<String> revoked = firefox.post(rows.get(1).select("form").attr("action"), Map.of());

		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(revoked.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/account#sessions"));
		HttpResponse<String> signedOut = chrome.get("/account");
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(signedOut.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		HttpResponse<String> after = firefox.get("/account");
		assertThat(rows(after)).hasSize(1);
		Document afterPage = Jsoup.parse(after.body());
		assertThat(afterPage.getElementById("session-revoked")).isNotNull();
		assertThat(afterPage.getElementById("active-sessions").text()).isEqualTo("1");
		List<String> details = revokedDetails(account);
		assertThat(details).hasSize(1);
		assertThat(details.get(0)).contains(rows.get(1).attr("data-handle"));
		ids.forEach(id -> assertThat(details.get(0)).doesNotContain(id));
	}

	@Test
	void aHandleThatIsNotAnotherSessionOfTheAccountDoesNothing() {
		Account holder = TestAccounts.create(accountService, Language.EN);
		Account other = TestAccounts.create(accountService, Language.EN);
		WebClient attacker = signedIn(holder, FIREFOX_WINDOWS);
		WebClient victim = signedIn(other, FIREFOX_WINDOWS);
		signedIn(other, CHROME_MAC);
		String victimHandle = rows(signedIn(other, CHROME_MAC).get("/account")).stream()
			.filter(row -> !row.select(".this-device").isEmpty())
			.findFirst()
			.orElseThrow()
			.attr("data-handle");
		String ownHandle = rows(attacker.get("/account")).get(0).attr("data-handle");

		for (String handle : List.of(victimHandle, ownHandle, "0".repeat(32), "not-a-handle",
				victimHandle.toUpperCase())) {
			HttpResponse<String> answer = attacker.post("/account/sessions/" + handle + "/revoke", Map.of());
			assertThat(answer.statusCode()).as(handle).isEqualTo(404);
		}

		assertThat(victim.get("/account").statusCode()).isEqualTo(200);
		assertThat(attacker.get("/account").statusCode()).isEqualTo(200);
		assertThat(sessions.findByPrincipalName(other.id().toString())).hasSize(3);
		assertThat(revokedDetails(holder)).isEmpty();
		assertThat(revokedDetails(other)).isEmpty();
	}

	@Test
	void parallelSignOutsOfOneSessionEndItOnceAndAuditOnce() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient firefox = signedIn(account, FIREFOX_WINDOWS);
		WebClient chrome = signedIn(account, CHROME_MAC);
		String action = rows(firefox.get("/account")).get(1).select("form").attr("action");

		List<Integer> statuses = Race.run(8, i -> firefox.post(action, Map.of()).statusCode());

		assertThat(statuses).isSubsetOf(302, 404).contains(302);
		assertThat(revokedDetails(account)).hasSize(1);
		assertThat(chrome.get("/account").statusCode()).isEqualTo(302);
		assertThat(firefox.get("/account").statusCode()).isEqualTo(200);
	}

	@Test
	void endedAndTooOldSessionsAreNotListedAndLeaveTheIndex() {
		Account account = TestAccounts.create(accountService, Language.EN);
		WebClient browser = signedIn(account, FIREFOX_WINDOWS);
		String index = PrincipalIndex.key(account.id());
		sessions.getSessionRedisOperations().opsForSet().add(index, "an-id-whose-session-expired");
		AccountUser old = new AccountUser(account, clock.instant().minus(Duration.ofHours(13)));
		old.eraseCredentials();
		RedisSession tooOld = sessions.createSession();
		tooOld.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(old, null, old.getAuthorities())));
		sessions.save(tooOld);
		assertThat(sessions.getSessionRedisOperations().opsForSet().members(index)).hasSize(3);

		HttpResponse<String> page = browser.get("/account");

		assertThat(rows(page)).hasSize(1);
		assertThat(Jsoup.parse(page.body()).getElementById("active-sessions").text()).isEqualTo("1");
		assertThat(sessions.getSessionRedisOperations().opsForSet().members(index))
			.doesNotContain("an-id-whose-session-expired")
			.hasSize(2);
		Long ttl = sessions.getSessionRedisOperations().getExpire(index);
		assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofHours(13).toSeconds());
	}

	private WebClient signedIn(Account account, String userAgent) {
		WebClient browser = new WebClient(port, userAgent);
		HttpResponse<String> answer = browser.signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
		return browser;
	}

	private static List<Element> rows(HttpResponse<String> page) {
		return Jsoup.parse(page.body()).select("#sessions tbody tr");
	}

	private List<String> revokedDetails(Account account) {
		return jdbc.sql("select details from audit_event where account_id = ? and type = 'SESSION_REVOKED'")
			.param(account.id())
			.query(String.class)
			.list();
	}

}
