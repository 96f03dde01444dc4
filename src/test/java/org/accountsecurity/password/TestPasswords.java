package org.accountsecurity.password;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Fixtures for the password tests: settings with a low BCrypt cost, and hashers whose
 * BCrypt runs can be counted.
 */
final class TestPasswords {

	static final int TEST_COST = 10;

	private TestPasswords() {
	}

	static PasswordProperties properties() {
		return properties(15);
	}

	static PasswordProperties properties(int minLength) {
		return new PasswordProperties(minLength, 128, TEST_COST, 1);
	}

	static PasswordHasher hasher(PasswordProperties properties, MeterRegistry registry) {
		return new PasswordHasher(properties, new ObjectProvider<>() {

			@Override
			public MeterRegistry getIfAvailable() {
				return registry;
			}

		});
	}

	static long bcryptVerifications(MeterRegistry registry) {
		return registry.get(TimedBcrypt.TIMER).tag("operation", "verify").timer().count();
	}

	static SimpleMeterRegistry registry() {
		return new SimpleMeterRegistry();
	}

}
