package org.accountsecurity.mail;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues mails in the durable outbox (a Redis Stream) for the {@code OutboxWorker} to
 * send, so that a request never waits for SMTP and a mail survives a restart. Also
 * publishes the outbox depth as a gauge.
 */
@Component
public class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private static final Duration REMEMBER_ONCE = Duration.ofDays(7);

	private final OutboxStreams streams;

	public MailOutbox(StringRedisTemplate redis, MeterRegistry meters) {
		this.streams = new OutboxStreams(redis);
		Gauge.builder("mail.outbox.depth", this, MailOutbox::depth)
			.description("Mails waiting to be sent: queued, being sent, or waiting for a retry")
			.register(meters);
	}

	/**
	 * Queues {@code message} with exactly one Redis round trip (XADD), whatever its kind,
	 * so that the cost of a request does not tell whether it sends a mail. Throws
	 * Spring's {@link DataAccessException} when Redis is unreachable: the caller decides
	 * how to fail.
	 */
	public void enqueue(OutboxMessage message) {
		String id = streams.add(message);
		log.debug("Queued mail {} of kind {}", id, message.kind());
	}

	/**
	 * Queues {@code message} unless one with the same {@code key} was queued in the last
	 * week, so that a caller retrying after a failure (perhaps after the message was
	 * queued and only the reply was lost) queues it exactly once. Throws like
	 * {@link #enqueue}.
	 */
	public void enqueueOnce(String key, OutboxMessage message) {
		if (!streams.addOnce(key, message, REMEMBER_ONCE)) {
			log.debug("Mail of kind {} was queued before", message.kind());
		}
	}

	// Read on each scrape: one script call that returns XLEN + ZCARD.
	private double depth() {
		try {
			return streams.depth();
		}
		catch (DataAccessException ex) {
			return Double.NaN;
		}
	}

}
