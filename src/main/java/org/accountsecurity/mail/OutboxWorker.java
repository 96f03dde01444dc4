package org.accountsecurity.mail;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends what {@link MailOutbox} queued, as one consumer of the group {@code mailers}: a
 * daemon thread started after the rest of the application and stopped first on shutdown.
 * It stays off when {@code app.mail.worker-enabled=false}, so that some instances can
 * serve requests only.
 */
@Component
class OutboxWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private final OutboxStreams streams;

	private final OutboxProcessor processor;

	private final MailProperties properties;

	private final Timing timing;

	private final String consumer;

	private final Object monitor = new Object();

	private volatile boolean running;

	private Thread thread;

	@Autowired
	OutboxWorker(StringRedisTemplate redis, MailProperties properties, List<OutboxHandler> handlers,
			MeterRegistry meters) {
		this(redis, properties, handlers, meters, Timing.DEFAULT.claimingAfter(properties.claimAfter()),
				OutboxLoop.uniqueConsumerName());
	}

	OutboxWorker(StringRedisTemplate redis, MailProperties properties, List<OutboxHandler> handlers,
			MeterRegistry meters, Timing timing, String consumer) {
		this.streams = new OutboxStreams(redis);
		this.processor = new OutboxProcessor(streams, properties, handlers, meters);
		this.properties = properties;
		this.timing = timing;
		this.consumer = consumer;
	}

	@Override
	public void start() {
		synchronized (monitor) {
			if (thread != null) {
				return;
			}
			running = true;
			thread = new Thread(new OutboxLoop(this, streams, processor, timing, consumer, properties.holdBack()),
					"mail-outbox-worker");
			thread.setDaemon(true);
			thread.setUncaughtExceptionHandler(
					(failed, error) -> log.error("Mail outbox worker {} died", consumer, error));
			thread.start();
		}
		log.info("Mail outbox worker {} started for kinds {}", consumer, processor.kinds());
	}

	@Override
	public void stop() {
		Thread stopping;
		synchronized (monitor) {
			running = false;
			stopping = thread;
			thread = null;
			monitor.notifyAll();
		}
		if (stopping == null) {
			return;
		}
		try {
			// The loop notices within one blocking read; a mail being sent is given a
			// little longer.
			stopping.join(timing.block().plusSeconds(10).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		log.info("Mail outbox worker {} stopped", consumer);
	}

	@Override
	public boolean isRunning() {
		synchronized (monitor) {
			return thread != null;
		}
	}

	@Override
	public boolean isAutoStartup() {
		return properties.workerEnabled();
	}

	/** Whether the loop should go on. */
	boolean running() {
		return running;
	}

	/**
	 * Waits up to {@code duration}, or less when the worker is stopped; never interrupts
	 * a send.
	 */
	void pause(Duration duration) {
		synchronized (monitor) {
			if (running) {
				try {
					monitor.wait(Math.max(1, duration.toMillis()));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					running = false;
				}
			}
		}
	}

	/**
	 * How long the loop blocks and how often it does its periodic steps; shorter in
	 * tests.
	 */
	record Timing(Duration block, Duration requeueEvery, Duration reclaimEvery, Duration claimIdle,
			Duration maxBackoff) {

		static final Timing DEFAULT = new Timing(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30),
				MailProperties.DEFAULT_CLAIM_AFTER, Duration.ofSeconds(10));

		/**
		 * Takes over another consumer's unfinished mails once they are {@code claimAfter}
		 * old, looking for them twice as often (at least every 30 seconds).
		 */
		Timing claimingAfter(Duration claimAfter) {
			Duration every = claimAfter.dividedBy(2);
			return new Timing(block, requeueEvery, every.compareTo(reclaimEvery) < 0 ? every : reclaimEvery, claimAfter,
					maxBackoff);
		}

	}

}
