package org.accountsecurity.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.accountsecurity.dev.DevServices;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service in local mode with its dev services (real Redis, GreenMail) and H2 in
 * memory. Settings here are inline properties, so a test class's own
 * {@code @DynamicPropertySource} can replace any of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
				+ "DB_CLOSE_DELAY=-1",
		"app.reset.signing-keys=" + ServiceTest.SIGNING_KEY, "app.password.bcrypt-cost=10",
		// Every test comes from 127.0.0.1: the per-client limits are tested with their
		// own settings.
		"app.reset.per-client-limit.requests=100000", "app.reset.link-check-limit.requests=100000",
		"app.sign-in.per-client-limit.requests=100000", "app.second-factor.per-client-limit.requests=100000",
		"app.second-factor.encryption-key=" + ServiceTest.ENCRYPTION_KEY,
		// Tests count the mails and audit events a sign-in leads to: new-device alerts
		// are tested with their own context (lockdown.LockdownIntegrationTest).
		"app.lockdown.new-device-alerts=false" })
@Import({ DevServices.class, TestFixtures.class })
@ActiveProfiles("local")
public @interface ServiceTest {

	/** A fixed test key: tests forge tokens with it to check what the service refuses. */
	String SIGNING_KEY = "test:dGVzdC1zaWduaW5nLWtleS1vZi0zMi1ieXRlcy1sb25nLWZvci10ZXN0cw==";

	/** A fixed key for TOTP secrets. */
	String ENCRYPTION_KEY = "test:dGVzdC1zZWNvbmQtZmFjdG9yLWtleS1vZi0zMi1ieXRlcy1sb25n";

}
