package org.accountsecurity.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the service on the machine's PostgreSQL (same Flyway
 * migrations as H2), in a schema of their own that is dropped afterwards: they run when
 * PostgreSQL answers (CI has one) and are skipped otherwise.
 */
@EnabledIf("org.accountsecurity.support.Postgres#available")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class PostgresIntegrationTest extends SeparateIntegrationTest {

	protected static final String SCHEMA = Postgres.newSchema();

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> Postgres.URL + "?currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> Postgres.USER);
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.schemas", () -> SCHEMA);
	}

	@AfterAll
	static void dropSchema() throws Exception {
		Postgres.dropSchema(SCHEMA);
	}

}
