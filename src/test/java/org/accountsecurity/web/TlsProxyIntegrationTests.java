package org.accountsecurity.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.LoopbackHttpClient;
import org.accountsecurity.support.Nginx;
import org.accountsecurity.support.RawHttpResponse;
import org.accountsecurity.support.SelfSignedTls;
import org.accountsecurity.support.SeparateIntegrationTest;
import org.accountsecurity.support.ServiceTest;
import org.accountsecurity.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The service as README → Production runs it: a real nginx terminates TLS with a
 * self-signed certificate and forwards to the service, which trusts X-Forwarded-* only
 * from the proxy's address (Tomcat's remote-IP valve). Clients play different machines by
 * connecting from different loopback addresses. Without nginx the proxy tests skip
 * themselves, except on CI.
 */
@ServiceTest
class TlsProxyIntegrationTests {

	// Spring Security writes "max-age=31536000 ; includeSubDomains": spaces around ';'
	// are
	// allowed (RFC 6797 §6.1), so they are ignored here.
	private static final String HSTS = "max-age=31536000;includeSubDomains";

	private static final int SERVICE_PORT = IntegrationTest.freePort();

	private static final int PROXY_PORT = IntegrationTest.freePort();

	private static Path folder;

	private static SelfSignedTls tls;

	private static Nginx proxy;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void behindTheProxy(DynamicPropertyRegistry registry) {
		// Ports of its own, known before the context starts: nginx and the base URL need
		// them.
		registry.add("server.port", () -> SERVICE_PORT);
		SeparateIntegrationTest.devServicePorts(registry);
		registry.add("app.public-base-url", () -> "https://localhost:" + PROXY_PORT);
		registry.add("server.forward-headers-strategy", () -> "native");
		registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1");
		registry.add("app.audit.client-address", () -> "full");
		registry.add("app.reset.per-client-limit.requests", () -> 3);
	}

	@BeforeAll
	static void startProxy() throws Exception {
		if (!Nginx.available()) {
			return;
		}
		folder = Files.createTempDirectory("nginx");
		tls = SelfSignedTls.create(folder);
		proxy = Nginx.start(folder, PROXY_PORT, SERVICE_PORT, tls);
	}

	@AfterAll
	static void stopProxy() {
		if (proxy != null) {
			proxy.close();
		}
		if (folder != null) {
			FileSystemUtils.deleteRecursively(folder.toFile());
		}
	}

	@Test
	void throughTheProxyCookiesAreHostPrefixedAndSecureAndHstsIsSent() throws Exception {
		LoopbackHttpClient person = viaProxy("127.0.0.2");
		Account account = TestAccounts.create(accounts, Language.EN);

		RawHttpResponse page = person.get("/login");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.first("Strict-Transport-Security")).isEqualToIgnoringWhitespace(HSTS);
		assertHostCookie(page, "__Host-CSRF");

		RawHttpResponse signedIn = signIn(person, account);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.first("Strict-Transport-Security")).isEqualToIgnoringWhitespace(HSTS);
		assertHostCookie(signedIn, "__Host-SESSION");
		assertThat(person.get("/account").status()).isEqualTo(200);
	}

	@Test
	void theAuditRecordsTheAddressTheProxyForwardedNotOneTheClientMadeUp() throws Exception {
		Account account = TestAccounts.create(accounts, Language.EN);
		assertThat(signIn(viaProxy("127.0.0.2"), account, "X-Forwarded-For: 198.51.100.7").status()).isEqualTo(302);

		// The service's peer was nginx on 127.0.0.1; nginx replaced the made-up header.
		assertThat(recordedAddresses(account, "SIGN_IN_SUCCEEDED")).containsExactly("127.0.0.2");
	}

	@Test
	void aClientThatBypassesTheProxyCannotChooseItsAddressNorEscapeItsLimit() throws Exception {
		Account account = TestAccounts.create(accounts, Language.EN);
		LoopbackHttpClient forger = direct("127.0.0.3");
		for (int i = 1; i <= 3; i++) {
			assertThat(requestReset(forger, account, "X-Forwarded-For: 198.51.100." + i, "X-Forwarded-Proto: https")
				.status()).isEqualTo(202);
		}
		assertThat(recordedAddresses(account, "RESET_REQUESTED")).containsOnly("127.0.0.3").hasSize(3);
		// Its own address is the limit key, whatever it claims.
		assertThat(requestReset(forger, account, "X-Forwarded-For: 198.51.100.99").status()).isEqualTo(429);

		// Behind the proxy every client has a key of its own, not the proxy's.
		assumeProxy();
		assertThat(requestReset(viaProxy("127.0.0.4"), account).status()).isEqualTo(202);
		assertThat(requestReset(viaProxy("127.0.0.3"), account).status()).isEqualTo(429);
	}

	@Test
	void everyResponseCarriesHstsWhenTheBaseUrlIsHttpsEvenOverPlainHttp() throws Exception {
		LoopbackHttpClient client = direct("127.0.0.5");
		for (String path : List.of("/login", "/password/forgot", "/api/v1/audit-events", "/css/app.css",
				"/no-such-page")) {
			assertThat(client.get(path).first("Strict-Transport-Security")).as(path).isEqualToIgnoringWhitespace(HSTS);
		}
	}

	private RawHttpResponse signIn(LoopbackHttpClient person, Account account, String... headers) throws Exception {
		person.get("/login");
		return person.post("/login", "application/x-www-form-urlencoded", "username=" + enc(account.email())
				+ "&password=" + enc(TestAccounts.PASSWORD) + "&_csrf=" + enc(person.csrf()), headers);
	}

	private static RawHttpResponse requestReset(LoopbackHttpClient client, Account account, String... headers)
			throws Exception {
		return client.post("/api/v1/password-resets", "application/json", "{\"email\":\"" + account.email() + "\"}",
				headers);
	}

	private List<String> recordedAddresses(Account account, String type) {
		return jdbc.sql("select client_address from audit_event where account_id = ? and type = ? order by id")
			.params(account.id(), type)
			.query(String.class)
			.list();
	}

	/**
	 * Secure, Path=/ and no Domain: what browsers demand of a {@code __Host-} cookie.
	 */
	private static void assertHostCookie(RawHttpResponse response, String name) {
		List<String> cookies = response.all("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).toList();
		assertThat(cookies).isNotEmpty().allSatisfy(cookie -> {
			List<String> attributes = List.of(cookie.toLowerCase().split("\\s*;\\s*"));
			assertThat(attributes).contains("secure", "path=/", "httponly").noneMatch(a -> a.startsWith("domain"));
		});
	}

	private static LoopbackHttpClient viaProxy(String from) {
		assumeProxy();
		return LoopbackHttpClient.https(from, PROXY_PORT, tls.clientContext());
	}

	private static LoopbackHttpClient direct(String from) {
		return LoopbackHttpClient.http(from, SERVICE_PORT);
	}

	private static void assumeProxy() {
		assumeTrue(proxy != null, "nginx is not installed");
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
