package org.accountsecurity.afterchange;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.after-change.*}: how soon a step that failed right after the change is
 * retried (the delay doubles per attempt, up to {@link #MAX_DELAY}); the worker looks for
 * due steps at that interval too.
 */
@Validated
@ConfigurationProperties("app.after-change")
public record AfterChangeProperties(@DefaultValue("PT5S") @NotNull Duration retryDelay) {

	static final Duration MAX_DELAY = Duration.ofMinutes(10);

	Duration delayAfter(int attempts) {
		Duration delay = retryDelay;
		for (int i = 1; i < attempts && delay.compareTo(MAX_DELAY) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
	}

}
