package org.accountsecurity.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of integration tests that need a context of their own (other settings or another
 * database): fresh ports for its HTTP server, Redis and GreenMail, so it runs beside the
 * shared context. Subclasses change settings with their own
 * {@code @DynamicPropertySource}.
 */
@ServiceTest
public abstract class SeparateIntegrationTest {

	/** This context's {@code app.public-base-url}. */
	@Value("${app.public-base-url}")
	protected String baseUrl;

	@Value("${server.port}")
	protected int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		int server = IntegrationTest.freePort();
		registry.add("server.port", () -> server);
		registry.add("app.public-base-url", () -> "http://localhost:" + server);
		devServicePorts(registry);
	}

	/**
	 * Fresh ports for Redis, SMTP and IMAP, for a test class that cannot extend this one
	 * because it must know its server port before the context starts.
	 */
	public static void devServicePorts(DynamicPropertyRegistry registry) {
		int redis = IntegrationTest.freePort();
		registry.add("spring.data.redis.port", () -> redis);
		int smtp = IntegrationTest.freePort();
		registry.add("spring.mail.port", () -> smtp);
		int imap = IntegrationTest.freePort();
		registry.add("app.dev.imap-port", () -> imap);
	}

}
