package org.accountsecurity.securityevents;

import java.time.Duration;
import java.util.List;

import org.accountsecurity.system.InvalidSetting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.events.*}: the webhooks and Security Event Token receivers, the key that
 * signs the tokens, and how deliveries are timed and retried (the delay doubles per
 * failed attempt, up to {@code maxRetryDelay}; after {@code maxAttempts} the event is a
 * dead letter). Every receiver is checked at start-up ({@link ReceiverSettings}): a bad
 * one stops the start with one line naming the setting.
 */
@ConfigurationProperties("app.events")
public record EventsProperties(List<Webhook> webhooks, List<SetReceiver> setReceivers, String setSigningKey,
		@DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT10S") Duration readTimeout,
		@DefaultValue("10") int maxAttempts, @DefaultValue("PT10S") Duration firstRetryDelay,
		@DefaultValue("PT1H") Duration maxRetryDelay, @DefaultValue("PT1S") Duration pollInterval,
		@DefaultValue("PT2M") Duration lease, @DefaultValue("true") boolean workerEnabled) {

	static final String PREFIX = "app.events.";

	public EventsProperties {
		webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
		setReceivers = setReceivers == null ? List.of() : List.copyOf(setReceivers);
		positive("connect-timeout", connectTimeout);
		positive("read-timeout", readTimeout);
		positive("first-retry-delay", firstRetryDelay);
		positive("max-retry-delay", maxRetryDelay);
		positive("poll-interval", pollInterval);
		positive("lease", lease);
		ReceiverSettings.checkAttempts(PREFIX + "max-attempts", maxAttempts);
		if (lease.compareTo(connectTimeout.plus(readTimeout).multipliedBy(2)) < 0) {
			throw new InvalidSetting(PREFIX + "lease", "must be at least twice connect-timeout plus read-timeout");
		}
		for (int i = 0; i < webhooks.size(); i++) {
			ReceiverSettings.check(webhooks.get(i), PREFIX + "webhooks[" + i + "]");
		}
		for (int i = 0; i < setReceivers.size(); i++) {
			ReceiverSettings.check(setReceivers.get(i), PREFIX + "set-receivers[" + i + "]");
		}
	}

	/**
	 * The delay before attempt {@code attempts + 1}, after {@code attempts} failed ones.
	 */
	Duration delayAfter(int attempts) {
		Duration delay = firstRetryDelay;
		for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
	}

	private static void positive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidSetting(PREFIX + name, "must be a positive duration, e.g. PT5S");
		}
	}

	/**
	 * One webhook: where to POST, which audit event types (comma-separated names), the
	 * Standard Webhooks secret ({@code whsec_} and base64), and optionally its own number
	 * of attempts.
	 */
	public record Webhook(String url, String types, String secret, Integer maxAttempts) {
	}

	/**
	 * One receiver of Security Event Tokens (RFC 8935 push): where to POST, the
	 * {@code aud} of its tokens, and optionally its own number of attempts.
	 */
	public record SetReceiver(String url, String audience, Integer maxAttempts) {
	}

}
