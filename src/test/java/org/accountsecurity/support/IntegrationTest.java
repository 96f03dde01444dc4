package org.accountsecurity.support;

import java.io.IOException;
import java.net.ServerSocket;

import org.accountsecurity.dev.DevServices;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole service on a free port with its own real Redis server and
 * GreenMail on free ports, and H2 in memory. The public base URL is the test server's own, so links in
 * mails can be followed as they are. Every subclass shares one application context.
 */
// The H2 URL is an inline property so that a subclass's @DynamicPropertySource (which wins) can replace it.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "spring.datasource.url="
		+ "jdbc:h2:mem:it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@Import({ DevServices.class, TestFixtures.class })
@ActiveProfiles("local")
public abstract class IntegrationTest {

	protected static final int SERVER_PORT = freePort();

	/** {@code app.public-base-url} of the tests: links in mails start with it. */
	public static final String BASE_URL = "http://localhost:" + SERVER_PORT;

	protected static final int REDIS_PORT = freePort();

	protected static final int SMTP_PORT = freePort();

	protected static final int IMAP_PORT = freePort();

	/** A fixed test key: tests forge tokens with it to check what the service refuses. */
	public static final String SIGNING_KEY = "test:dGVzdC1zaWduaW5nLWtleS1vZi0zMi1ieXRlcy1sb25nLWZvci10ZXN0cw==";

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> SERVER_PORT);
		registry.add("app.public-base-url", () -> BASE_URL);
		registry.add("spring.data.redis.port", () -> REDIS_PORT);
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("app.dev.imap-port", () -> IMAP_PORT);
		registry.add("app.reset.signing-keys", () -> SIGNING_KEY);
		registry.add("app.password.bcrypt-cost", () -> 10);
		// Every test comes from 127.0.0.1: per-client limits are tested with their own settings elsewhere.
		registry.add("app.reset.per-client-limit.requests", () -> 100_000);
		registry.add("app.reset.link-check-limit.requests", () -> 100_000);
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
