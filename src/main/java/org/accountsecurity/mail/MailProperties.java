package org.accountsecurity.mail;

import java.time.Duration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.accountsecurity.system.InvalidSetting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Mail settings: the sender of every mail, how often and how soon a failed mail is tried
 * again (the delay doubles with each attempt), whether this instance runs an outbox
 * worker and with how many threads, how long a queued mail is held back before it is
 * sent, and how long a mail that a worker took but did not finish waits before another
 * worker may take it over (its instance crashed). The hold-back keeps the work of sending
 * out of the request that queued the mail, so that the answer's timing does not tell
 * whether a mail was queued (an account exists).
 */
@ConfigurationProperties("app.mail")
@Validated
public record MailProperties(@DefaultValue("Account Security <no-reply@localhost>") @NotBlank String from,
		@DefaultValue("6") @Min(1) @Max(20) int maxAttempts, @DefaultValue("PT5S") @NotNull Duration firstRetryDelay,
		@DefaultValue("true") boolean workerEnabled, @DefaultValue("30ms") @NotNull Duration holdBack,
		@DefaultValue("PT1M") @NotNull Duration claimAfter, @DefaultValue("4") @Min(1) @Max(32) int workers) {

	static final Duration DEFAULT_CLAIM_AFTER = Duration.ofMinutes(1);

	@ConstructorBinding
	public MailProperties {
		if (from != null && !from.isBlank()) {
			try {
				new InternetAddress(from, true).validate();
			}
			catch (AddressException ex) {
				throw new InvalidSetting("app.mail.from", "is not a mail address (use \"Name <address@example.com>\")");
			}
		}
		if (firstRetryDelay != null && (firstRetryDelay.isNegative() || firstRetryDelay.isZero())) {
			throw new InvalidSetting("app.mail.first-retry-delay", "must be a positive duration, e.g. PT5S");
		}
		if (holdBack != null && (holdBack.isNegative() || holdBack.compareTo(Duration.ofSeconds(10)) > 0)) {
			throw new InvalidSetting("app.mail.hold-back", "must be between 0 and 10 seconds, e.g. 30ms");
		}
		if (claimAfter != null && claimAfter.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new InvalidSetting("app.mail.claim-after", "must be at least one second, e.g. PT1M");
		}
	}

	/** With {@code claim-after} at its default and one worker thread. */
	public MailProperties(String from, int maxAttempts, Duration firstRetryDelay, boolean workerEnabled,
			Duration holdBack) {
		this(from, maxAttempts, firstRetryDelay, workerEnabled, holdBack, DEFAULT_CLAIM_AFTER, 1);
	}

}
