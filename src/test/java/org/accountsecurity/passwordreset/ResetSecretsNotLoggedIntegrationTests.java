package org.accountsecurity.passwordreset;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.accountsecurity.support.WebClient;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.AbstractAccessLogValve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neither a token, its random id, a password nor a session id reaches the service's log
 * (docs/security.md TK-15, LG-03): the output of two whole resets, pages and API, with
 * the service's own loggers at DEBUG, is searched for each. Tomcat writes no access log
 * that could hold the link's query string.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResetSecretsNotLoggedIntegrationTests extends IntegrationTest {

	static final String FIRST_PASSWORD = "first new passphrase, never logged";

	static final String SECOND_PASSWORD = "second new passphrase, never logged";

	static final String REFUSED_PASSWORD = "refused-4c1e";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	Mailbox mailbox;

	@Autowired
	LoggingSystem logging;

	@Autowired
	WebServerApplicationContext context;

	@Test
	void twoWholeResetsLogNoTokenPasswordOrSessionId(CapturedOutput output) throws Exception {
		List<String> secrets = new ArrayList<>(
				List.of(TestAccounts.PASSWORD, FIRST_PASSWORD, SECOND_PASSWORD, REFUSED_PASSWORD));
		logging.setLogLevel("org.accountsecurity", LogLevel.DEBUG);
		try {
			Account account = TestAccounts.create(accountService, Language.EN);
			WebClient person = new WebClient(port);
			person.get("/password/forgot");
			person.post("/password/forgot", Map.of("email", account.email()));
			String link = Mailbox.link(mailbox.await(account.email(), 1).get(0), "/password/reset?token=");
			String first = tokenOf(link);
			HttpResponse<String> opened = person.get(link.substring(BASE_URL.length()));
			secrets.addAll(sessionIds(opened));
			person.get("/password/reset/new");
			person.post("/password/reset/new",
					Map.of("password", REFUSED_PASSWORD, "confirmPassword", REFUSED_PASSWORD));
			assertThat(person
				.post("/password/reset/new", Map.of("password", FIRST_PASSWORD, "confirmPassword", FIRST_PASSWORD))
				.statusCode()).isEqualTo(303);
			new WebClient(port).get(link.substring(BASE_URL.length()));

			WebClient holder = new WebClient(port);
			HttpResponse<String> signedIn = holder.signIn(account.email(), FIRST_PASSWORD);
			secrets.addAll(sessionIds(signedIn));
			holder.get("/account");
			holder.post("/account/password-reset", Map.of());
			String second = mailbox.await(account.email(), 3)
				.stream()
				.filter(mail -> Mailbox.text(mail).contains("/password/reset?token="))
				.map(Mailbox::token)
				.filter(token -> !token.equals(first))
				.findFirst()
				.orElseThrow();
			assertThat(api("/api/v1/password-resets/verify", "{\"token\":\"" + second + "\"}")).isEqualTo(200);
			assertThat(api("/api/v1/password-resets/complete",
					"{\"token\":\"" + second + "\",\"newPassword\":\"" + SECOND_PASSWORD + "\"}"))
				.isEqualTo(204);
			assertThat(api("/api/v1/password-resets/verify", "{\"token\":\"" + first + "\"}")).isEqualTo(410);
			mailbox.await(account.email(), 4);

			for (String token : List.of(first, second)) {
				secrets.add(token);
				secrets.add(token.substring(token.lastIndexOf('.') + 1));
				secrets.add(randomIdOf(token));
			}
		}
		finally {
			logging.setLogLevel("org.accountsecurity", null);
		}
		// The capture works: the outbox logs each mail it queues at DEBUG.
		assertThat(output.getAll()).contains("of kind reset-link", "of kind password-changed");
		assertThat(output.getAll()).doesNotContain(secrets);
	}

	@Test
	void tomcatKeepsNoAccessLogWithQueryStrings() {
		Tomcat tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
		List<Valve> valves = new ArrayList<>(List.of(tomcat.getEngine().getPipeline().getValves()));
		valves.addAll(List.of(tomcat.getHost().getPipeline().getValves()));
		for (Container child : tomcat.getHost().findChildren()) {
			valves.addAll(List.of(child.getPipeline().getValves()));
		}
		assertThat(valves).isNotEmpty();
		for (Valve valve : valves) {
			if (valve instanceof AbstractAccessLogValve accessLog && accessLog.getEnabled()) {
				// %r is the request line and %q the query string: both would hold the
				// token.
				assertThat(accessLog.getPattern()).doesNotContain("%r", "%q", "%{").isNotIn("common", "combined");
			}
		}
	}

	private int api(String path, String json) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	/** The session cookie's value and the session id it encodes. */
	private static List<String> sessionIds(HttpResponse<String> response) {
		String cookie = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("SESSION="))
			.map(c -> c.substring("SESSION=".length(), c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie"));
		return List.of(cookie, new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII));
	}

	private static String tokenOf(String link) {
		return java.net.URLDecoder.decode(link.replaceAll(".*token=([^&]+).*", "$1"), StandardCharsets.US_ASCII);
	}

	private static String randomIdOf(String token) {
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		return payload.replaceAll(".*\"jti\":\"([^\"]+)\".*", "$1");
	}

}
