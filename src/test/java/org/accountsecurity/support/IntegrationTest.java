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
 * Base of the integration tests: the whole service on a random port with its own real Redis server and
 * GreenMail on free ports, and H2 in memory. Every subclass shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(DevServices.class)
@ActiveProfiles("local")
public abstract class IntegrationTest {

	protected static final int REDIS_PORT = freePort();

	protected static final int SMTP_PORT = freePort();

	protected static final int IMAP_PORT = freePort();

	/** A fixed test key: tests forge tokens with it to check what the service refuses. */
	public static final String SIGNING_KEY = "test:dGVzdC1zaWduaW5nLWtleS1vZi0zMi1ieXRlcy1sb25nLWZvci10ZXN0cw==";

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.port", () -> REDIS_PORT);
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("app.dev.imap-port", () -> IMAP_PORT);
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		registry.add("app.reset.signing-keys", () -> SIGNING_KEY);
		registry.add("app.password.bcrypt-cost", () -> 10);
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
