package org.accountsecurity.password;

import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Runs BCrypt on the {@link BcryptThreads} and, when metrics are available, records each
 * run in the {@code password.bcrypt} timer so that operators can see what the cost
 * setting really costs.
 */
final class TimedBcrypt {

	static final String TIMER = "password.bcrypt";

	private final Timer hashTimer;

	private final Timer verifyTimer;

	TimedBcrypt(MeterRegistry registry) {
		this.hashTimer = (registry != null) ? timer(registry, "hash") : null;
		this.verifyTimer = (registry != null) ? timer(registry, "verify") : null;
	}

	String hash(String input, String salt) {
		return timed(this.hashTimer, () -> BCrypt.hashpw(input, salt));
	}

	boolean verify(String input, String bcrypt) {
		return timed(this.verifyTimer, () -> {
			try {
				return BCrypt.checkpw(input, bcrypt);
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		});
	}

	private static <T> T timed(Timer timer, Supplier<T> work) {
		return BcryptThreads.run((timer != null) ? () -> timer.record(work) : work);
	}

	private static Timer timer(MeterRegistry registry, String operation) {
		return Timer.builder(TIMER).description("Time spent in BCrypt").tag("operation", operation).register(registry);
	}

}
