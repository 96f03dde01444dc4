package org.accountsecurity.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends what {@link MailOutbox} queued: {@code app.mail.workers} daemon threads, each a
 * consumer of the group {@code mailers}, started after the rest of the application and
 * stopped first on shutdown. Several threads keep up with the rate at which requests
 * queue mail, as most of a mail's time is spent waiting (SMTP, the audit commit, Redis).
 * They stay off when {@code app.mail.worker-enabled=false}, so that some instances can
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

	private final Counter smtpConnections;

	private final Object monitor = new Object();

	private volatile boolean running;

	private List<Thread> threads = List.of();

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
		this.smtpConnections = meters.counter("mail.smtp.connections");
	}

	@Override
	public void start() {
		synchronized (monitor) {
			if (!threads.isEmpty()) {
				return;
			}
			running = true;
			List<Thread> started = new ArrayList<>();
			for (int i = 1; i <= properties.workers(); i++) {
				String name = (properties.workers() == 1) ? consumer : consumer + "-" + i;
				Thread thread = new Thread(
						new OutboxLoop(this, streams, processor, timing, name, properties.holdBack(), smtpConnections),
						"mail-outbox-worker-" + i);
				thread.setDaemon(true);
				thread.setUncaughtExceptionHandler(
						(failed, error) -> log.error("Mail outbox worker {} died", name, error));
				thread.start();
				started.add(thread);
			}
			threads = List.copyOf(started);
		}
		log.info("Mail outbox worker {} started with {} thread(s) for kinds {}", consumer, properties.workers(),
				processor.kinds());
	}

	@Override
	public void stop() {
		List<Thread> stopping;
		synchronized (monitor) {
			running = false;
			stopping = threads;
			threads = List.of();
			monitor.notifyAll();
		}
		if (stopping.isEmpty()) {
			return;
		}
		// The loops notice within one blocking read; a mail being sent is given a little
		// longer.
		long deadline = System.nanoTime() + timing.block().plusSeconds(10).toNanos();
		try {
			for (Thread thread : stopping) {
				thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		log.info("Mail outbox worker {} stopped", consumer);
	}

	@Override
	public boolean isRunning() {
		synchronized (monitor) {
			return !threads.isEmpty();
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
