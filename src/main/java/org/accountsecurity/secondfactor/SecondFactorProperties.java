package org.accountsecurity.secondfactor;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Second-factor settings: the keys that encrypt TOTP secrets (newest first), how long a
 * proven password waits for its second step, the limits on code attempts, and how long an
 * operator-requested removal waits for the holder to object ({@code removal-delay}).
 */
@ConfigurationProperties("app.second-factor")
@Validated
public record SecondFactorProperties(List<String> encryptionKey, @DefaultValue("PT5M") Duration pendingTtl,
		@DefaultValue PerAccountLimit perAccountLimit, @DefaultValue PerClientLimit perClientLimit,
		@DefaultValue("PT72H") Duration removalDelay) {

	/** Code attempts (right or wrong) per account and window. */
	public record PerAccountLimit(@DefaultValue("10") @Min(1) int requests, @DefaultValue("PT15M") Duration window) {
	}

	/** Code attempts per client address and window. */
	public record PerClientLimit(@DefaultValue("50") @Min(1) int requests, @DefaultValue("PT15M") Duration window) {
	}

}
