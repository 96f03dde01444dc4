package org.accountsecurity.afterchange;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real after-change steps on a test's own database with the given handlers, for tests
 * without Spring; no worker retries them.
 */
public final class TestAfterChangeSteps {

	private TestAfterChangeSteps() {
	}

	public static AfterChangeSteps on(JdbcClient jdbc, Clock clock, MeterRegistry meters,
			List<AfterChangeStepHandler> handlers) {
		return new AfterChangeSteps(new PendingSteps(jdbc), handlers, new AfterChangeProperties(Duration.ofSeconds(5)),
				clock, meters);
	}

}
