package org.accountsecurity.account;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Failed sign-ins allowed per typed address and per client address in a window (NIST
 * 800-63B: ≤ 100).
 */
@ConfigurationProperties("app.sign-in")
@Validated
public record SignInProperties(@DefaultValue PerAccountLimit perAccountLimit,
		@DefaultValue PerClientLimit perClientLimit) {

	/** Failed sign-ins per typed address; then refused until the window ends. */
	public record PerAccountLimit(@DefaultValue("10") @Min(1) @Max(100) int requests,
			@DefaultValue("PT15M") Duration window) {
	}

	/** Failed sign-ins per client address. */
	public record PerClientLimit(@DefaultValue("50") @Min(1) int requests, @DefaultValue("PT15M") Duration window) {
	}

}
