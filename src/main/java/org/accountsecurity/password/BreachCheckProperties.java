package org.accountsecurity.password;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the optional check of new passwords against Have I Been Pwned's range API
 * ({@code app.password.breach-check*}).
 *
 * @param breachCheck {@code off} (the default) or {@code hibp}
 * @param breachCheckUrl base of the k-anonymity range API; the first five hex digits of
 * the password's SHA-1 are appended
 * @param breachCheckTimeout how long to wait for a connection and again for the answer;
 * past it the password is let through (fail-open)
 */
@ConfigurationProperties("app.password")
@Validated
public record BreachCheckProperties(@DefaultValue("off") @NotNull Mode breachCheck,
		@DefaultValue("https://api.pwnedpasswords.com/range/") @NotNull URI breachCheckUrl,
		@DefaultValue("2s") @NotNull Duration breachCheckTimeout) {

	private static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * Tells the validator whether the URL can be called.
	 * @return whether it is an absolute http or https URL
	 */
	@AssertTrue(message = "app.password.breach-check-url must be an http or https URL")
	public boolean isBreachCheckUrlValid() {
		return this.breachCheckUrl == null
				|| ("https".equals(this.breachCheckUrl.getScheme()) || "http".equals(this.breachCheckUrl.getScheme()))
						&& this.breachCheckUrl.getHost() != null;
	}

	/**
	 * Tells the validator whether the timeout is short but positive: every password form
	 * waits for it.
	 * @return whether it lies in (0, 10 s]
	 */
	@AssertTrue(message = "app.password.breach-check-timeout must be more than 0 and at most 10s")
	public boolean isBreachCheckTimeoutValid() {
		return this.breachCheckTimeout == null || (!this.breachCheckTimeout.isNegative()
				&& !this.breachCheckTimeout.isZero() && this.breachCheckTimeout.compareTo(MAX_TIMEOUT) <= 0);
	}

	/** Which breach check runs. */
	public enum Mode {

		/** None: only the built-in list of common passwords. */
		OFF,

		/** Have I Been Pwned's range API (or a mirror of it at the configured URL). */
		HIBP

	}

}
