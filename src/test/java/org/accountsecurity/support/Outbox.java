package org.accountsecurity.support;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;

/**
 * The service's mail outbox as tests wait on it. A check that a mail did not arrive first
 * waits until the outbox is drained, so it asserts after every queued mail was sent (or
 * given up) rather than after a guessed pause.
 */
public final class Outbox {

	private final MeterRegistry meters;

	public Outbox(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Waits until nothing is queued, being sent or waiting for a retry ({@code
	 * mail.outbox.depth} is 0): a message leaves the stream only after its handler
	 * finished, so every mail queued so far has reached the SMTP server by then.
	 */
	public void awaitDrained() {
		Awaitility.await("the mail outbox to drain")
			.atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> depth() == 0);
	}

	/** Queued, being sent, or waiting for a retry; NaN while Redis cannot be read. */
	public double depth() {
		Gauge gauge = meters.find("mail.outbox.depth").gauge();
		if (gauge == null) {
			throw new IllegalStateException("No mail.outbox.depth gauge: is the mail outbox running?");
		}
		return gauge.value();
	}

}
