package org.accountsecurity.password;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.password.CompromisedPasswordChecker;

/**
 * Fixtures for the password tests: settings with a low BCrypt cost, and hashers whose
 * BCrypt runs can be counted.
 */
final class TestPasswords {

	static final int TEST_COST = 10;

	/** zxcvbn's dictionaries take a while to load: one estimator for every test. */
	static final GuessEstimate GUESSES = new GuessEstimate();

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

	/**
	 * The policy as the service builds it, with the breach check off.
	 */
	static PasswordPolicy policy(PasswordProperties properties, PasswordHasher hasher, BreachedPasswords breached) {
		return new PasswordPolicy(properties, hasher, breached, GUESSES, noBreachCheck());
	}

	static CompromisedPasswords noBreachCheck() {
		return new CompromisedPasswords((CompromisedPasswordChecker) null);
	}

	static long bcryptVerifications(MeterRegistry registry) {
		return registry.get(TimedBcrypt.TIMER).tag("operation", "verify").timer().count();
	}

	static SimpleMeterRegistry registry() {
		return new SimpleMeterRegistry();
	}

}
