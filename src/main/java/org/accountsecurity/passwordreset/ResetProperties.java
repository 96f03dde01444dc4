package org.accountsecurity.passwordreset;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reset settings: link lifetime, signing keys (newest first), and the per-account,
 * per-client and per-operator limits.
 */
@ConfigurationProperties("app.reset")
@Validated
public record ResetProperties(@DefaultValue("PT30M") @NotNull Duration tokenTtl, List<String> signingKeys,
		@DefaultValue PerAccountLimit perAccountLimit, @DefaultValue PerClientLimit perClientLimit,
		@DefaultValue LinkCheckLimit linkCheckLimit, @DefaultValue PerOperatorLimit perOperatorLimit) {

	/**
	 * E-mails sent for one account per window; more requests are accepted silently and
	 * send nothing.
	 */
	public record PerAccountLimit(@DefaultValue("3") @Min(1) int requests, @DefaultValue("PT1H") Duration window) {
	}

	/** Reset requests from one client address per window; more get HTTP 429. */
	public record PerClientLimit(@DefaultValue("30") @Min(1) int requests, @DefaultValue("PT10M") Duration window) {
	}

	/**
	 * Reset links one client address may open or submit per window, so tokens cannot be
	 * guessed at speed.
	 */
	public record LinkCheckLimit(@DefaultValue("60") @Min(1) int requests, @DefaultValue("PT10M") Duration window) {
	}

	/**
	 * Reset links one operator may send per window, so that a stolen operator account
	 * cannot flood many inboxes; the per-account limit applies to operators too.
	 */
	public record PerOperatorLimit(@DefaultValue("20") @Min(1) int requests, @DefaultValue("PT1H") Duration window) {
	}

}
