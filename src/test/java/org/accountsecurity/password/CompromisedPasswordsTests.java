package org.accountsecurity.password;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breach check against a local stub of Have I Been Pwned's k-anonymity range API:
 * {@code GET /range/{first 5 hex digits of SHA-1}} answers {@code SUFFIX:COUNT} lines.
 */
class CompromisedPasswordsTests {

	private static final String BREACHED = "correct horse battery staple";

	private static final String CLEAN = "purple tractor singing in rain";

	private final List<String> requestedPaths = new CopyOnWriteArrayList<>();

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private HttpServer stub;

	private volatile Duration stubDelay = Duration.ZERO;

	private volatile int stubStatus = 200;

	@BeforeEach
	void startStubAndCaptureLogs() throws IOException {
		this.stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.stub.createContext("/range/", this::answer);
		this.stub.start();
		this.logs.start();
		for (Class<?> type : List.of(CompromisedPasswords.class, RangeApiFailOpen.class)) {
			((Logger) LoggerFactory.getLogger(type)).addAppender(this.logs);
		}
	}

	@AfterEach
	void stopStub() {
		this.stub.stop(0);
		for (Class<?> type : List.of(CompromisedPasswords.class, RangeApiFailOpen.class)) {
			((Logger) LoggerFactory.getLogger(type)).detachAppender(this.logs);
		}
	}

	@Test
	void aPasswordInTheRangeIsCompromisedAndOnlyTheHashPrefixLeavesTheService() {
		CompromisedPasswords check = hibp(stubUrl(), "2s");

		assertThat(check.contains(BREACHED)).isTrue();
		assertThat(check.contains(CLEAN)).isFalse();
		assertThat(this.requestedPaths).containsExactly("/range/" + sha1(BREACHED).substring(0, 5),
				"/range/" + sha1(CLEAN).substring(0, 5));
		assertThat(this.logs.list).isEmpty();
	}

	@Test
	void theCheckIsOffByDefaultAndThenAsksNobody() {
		CompromisedPasswords check = new CompromisedPasswords(bind(Map.of()));

		assertThat(check.isEnabled()).isFalse();
		assertThat(check.contains(BREACHED)).isFalse();
		assertThat(this.requestedPaths).isEmpty();
	}

	@Test
	void aStubThatIsDownLetsThePasswordThroughWithAWarning() {
		String url = stubUrl();
		this.stub.stop(0);

		assertThat(hibp(url, "2s").contains(BREACHED)).isFalse();
		assertOneWarningWithoutSecrets();
	}

	@Test
	void aSlowStubTimesOutAndLetsThePasswordThrough() {
		this.stubDelay = Duration.ofSeconds(3);
		CompromisedPasswords check = hibp(stubUrl(), "300ms");

		long start = System.nanoTime();
		boolean compromised = check.contains(BREACHED);

		// Had it waited, the stub's answer would have named the password as breached.
		assertThat(compromised).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		assertOneWarningWithoutSecrets();
	}

	@Test
	void anErrorStatusLetsThePasswordThroughWithAWarning() {
		this.stubStatus = 503;

		assertThat(hibp(stubUrl(), "2s").contains(BREACHED)).isFalse();
		assertOneWarningWithoutSecrets();
	}

	@Test
	void aBaseUrlWithoutTrailingSlashStillReachesTheRange() {
		assertThat(hibp(stubUrl().replaceAll("/$", ""), "2s").contains(BREACHED)).isTrue();
	}

	@Test
	void thePolicyRefusesABreachedPasswordWithItsOwnReason() {
		PasswordProperties properties = TestPasswords.properties();
		PasswordPolicy policy = new PasswordPolicy(properties,
				TestPasswords.hasher(properties, TestPasswords.registry()), new BreachedPasswords(List.of()),
				TestPasswords.GUESSES, hibp(stubUrl(), "2s"));

		assertThat(policy.check(BREACHED, BREACHED, null)).extracting(PolicyViolation::code)
			.containsExactly("breached");
		assertThat(policy.check(CLEAN, CLEAN, null)).isEmpty();
	}

	@Test
	void settingsOutsideTheirRangeAreRefused() {
		assertThat(bind(Map.of("app.password.breach-check-timeout", "0s")).isBreachCheckTimeoutValid()).isFalse();
		assertThat(bind(Map.of("app.password.breach-check-timeout", "11s")).isBreachCheckTimeoutValid()).isFalse();
		assertThat(bind(Map.of("app.password.breach-check-url", "file:///etc/passwd")).isBreachCheckUrlValid())
			.isFalse();
		assertThat(bind(Map.of()).isBreachCheckUrlValid()).isTrue();
		assertThat(bind(Map.of()).breachCheckUrl()).hasToString("https://api.pwnedpasswords.com/range/");
	}

	private void assertOneWarningWithoutSecrets() {
		assertThat(this.logs.list).hasSize(1);
		ILoggingEvent warning = this.logs.list.get(0);
		assertThat(warning.getLevel()).isEqualTo(Level.WARN);
		assertThat(warning.getFormattedMessage()).contains("let through")
			.doesNotContain(BREACHED, sha1(BREACHED).substring(0, 5));
		assertThat(warning.getThrowableProxy()).isNull();
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requestedPaths.add(exchange.getRequestURI().getPath());
		sleep(this.stubDelay);
		String prefix = exchange.getRequestURI().getPath().substring("/range/".length());
		String breached = sha1(BREACHED);
		StringBuilder body = new StringBuilder("0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n");
		if (breached.startsWith(prefix)) {
			body.append(breached.substring(5)).append(":3645804\r\n");
		}
		body.append("00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2\r\n");
		byte[] bytes = body.toString().getBytes(StandardCharsets.US_ASCII);
		exchange.getResponseHeaders().set("Content-Type", "text/plain");
		exchange.sendResponseHeaders(this.stubStatus, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private String stubUrl() {
		return "http://127.0.0.1:" + this.stub.getAddress().getPort() + "/range/";
	}

	private static CompromisedPasswords hibp(String url, String timeout) {
		return new CompromisedPasswords(bind(Map.of("app.password.breach-check", "hibp",
				"app.password.breach-check-url", url, "app.password.breach-check-timeout", timeout)));
	}

	private static BreachCheckProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("app.password",
				BreachCheckProperties.class);
	}

	private static String sha1(String password) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8)))
				.toUpperCase(Locale.ROOT);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
