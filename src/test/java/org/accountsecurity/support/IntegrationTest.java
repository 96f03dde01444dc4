package org.accountsecurity.support;

import java.io.IOException;
import java.net.ServerSocket;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that share one application context: the service on a free
 * port with its own Redis server and GreenMail on free ports, and H2 in memory
 * ({@link ServiceTest}). The public base URL is the test server's own, so links in mails
 * can be followed as they are.
 */
@ServiceTest
public abstract class IntegrationTest {

	public static final int SERVER_PORT = freePort();

	/**
	 * {@code app.public-base-url} of the shared context: links in mails start with it.
	 */
	public static final String BASE_URL = "http://localhost:" + SERVER_PORT;

	private static final int REDIS_PORT = freePort();

	private static final int SMTP_PORT = freePort();

	private static final int IMAP_PORT = freePort();

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> SERVER_PORT);
		registry.add("app.public-base-url", () -> BASE_URL);
		registry.add("spring.data.redis.port", () -> REDIS_PORT);
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("app.dev.imap-port", () -> IMAP_PORT);
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
