package org.accountsecurity.mail;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.stream.MapRecord;

/**
 * The outbox worker's thread: reads and processes messages, and every so often puts due
 * retries back and takes over what dead instances left. When Redis fails it says so once,
 * backs off, and carries on when it is back.
 */
final class OutboxLoop implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(OutboxLoop.class);

	// Small reads spread a burst over the worker threads: a mail waits behind at most
	// nine others of its read (with 50, mail latency at 280 mails/s was p99 0.9 s, with
	// 10 it was 55 ms), and the mails of one read still share an SMTP connection.
	private static final int BATCH = 10;

	private static final Duration FORGET_CONSUMERS_AFTER = Duration.ofHours(1);

	private final OutboxWorker worker;

	private final OutboxStreams streams;

	private final OutboxProcessor processor;

	private final OutboxWorker.Timing timing;

	private final String consumer;

	private final long holdBackMillis;

	private final Counter smtpConnections;

	private boolean groupChecked;

	private boolean pendingToCheck = true;

	private long nextRequeue;

	private long nextReclaim;

	private boolean redisDown;

	private Duration backoff;

	OutboxLoop(OutboxWorker worker, OutboxStreams streams, OutboxProcessor processor, OutboxWorker.Timing timing,
			String consumer, Duration holdBack, Counter smtpConnections) {
		this.worker = worker;
		this.streams = streams;
		this.processor = processor;
		this.timing = timing;
		this.consumer = consumer;
		this.holdBackMillis = holdBack.toMillis();
		this.smtpConnections = smtpConnections;
		this.backoff = firstBackoff();
		this.nextRequeue = System.nanoTime();
		this.nextReclaim = this.nextRequeue;
	}

	@Override
	public void run() {
		while (worker.running()) {
			try {
				step();
				if (redisDown) {
					redisDown = false;
					backoff = firstBackoff();
					log.info("Mail outbox: Redis is reachable again; sending resumes");
				}
			}
			catch (RuntimeException ex) {
				if (!worker.running()) {
					break;
				}
				trouble(ex);
			}
		}
	}

	private void step() {
		if (!groupChecked) {
			streams.createGroup();
			groupChecked = true;
		}
		long now = System.nanoTime();
		if (now - nextRequeue >= 0) {
			streams.requeueDue(BATCH);
			nextRequeue = now + timing.requeueEvery().toNanos();
		}
		if (now - nextReclaim >= 0) {
			long claimed = streams.reclaim(consumer, timing.claimIdle());
			if (claimed > 0) {
				log.info("Mail outbox: took over {} unfinished mail(s) of stopped workers", claimed);
				pendingToCheck = true;
			}
			streams.pruneConsumers(consumer, FORGET_CONSUMERS_AFTER);
			nextReclaim = now + timing.reclaimEvery().toNanos();
		}
		List<MapRecord<String, Object, Object>> records;
		if (pendingToCheck) {
			records = streams.readPending(consumer, BATCH);
			pendingToCheck = !records.isEmpty();
		}
		else {
			records = streams.readNew(consumer, BATCH, timing.block());
		}
		if (!records.isEmpty()) {
			// The mails of a batch share one SMTP connection.
			try (SmtpConnectionScope connection = SmtpConnectionScope.open(smtpConnections)) {
				records.forEach(this::send);
			}
		}
	}

	private void send(MapRecord<String, Object, Object> record) {
		holdBack(record);
		if (!worker.running()) {
			return;
		}
		// A batch is sent one mail after another: one that waited in it longer than
		// claim-after may have been taken over by another instance meanwhile.
		if (!streams.take(consumer, record.getId().getValue())) {
			log.info("Mail outbox: mail {} was taken over by another worker; skipped here", record.getId());
			return;
		}
		processor.process(record);
	}

	/**
	 * Waits until {@code record} is {@code app.mail.hold-back} old, so that composing and
	 * sending its mail does not run while the request that queued it is still answering.
	 * Its age comes from the stream id (Redis's clock in milliseconds); a skewed clock
	 * can only shorten the wait to nothing or lengthen it to the hold-back.
	 */
	private void holdBack(MapRecord<String, Object, Object> record) {
		if (holdBackMillis == 0) {
			return;
		}
		long age = System.currentTimeMillis() - record.getId().getTimestamp();
		if (age < holdBackMillis) {
			worker.pause(Duration.ofMillis(holdBackMillis - Math.max(age, 0)));
		}
	}

	// Anything failing here is Redis (handler failures are caught per message): say it
	// once per outage.
	private void trouble(RuntimeException ex) {
		if (!redisDown) {
			redisDown = true;
			log.warn("Mail outbox: Redis failed ({}); mails wait until it is back", describe(ex));
		}
		else {
			log.debug("Mail outbox: Redis still failing ({})", describe(ex));
		}
		// After an outage the group may be gone (a Redis without persistence) and
		// messages may be half done.
		groupChecked = false;
		pendingToCheck = true;
		worker.pause(backoff);
		backoff = backoff.multipliedBy(2).compareTo(timing.maxBackoff()) > 0 ? timing.maxBackoff()
				: backoff.multipliedBy(2);
	}

	private Duration firstBackoff() {
		Duration first = Duration.ofMillis(500);
		return first.compareTo(timing.maxBackoff()) > 0 ? timing.maxBackoff() : first;
	}

	private static String describe(RuntimeException ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == ex ? ex.getClass().getSimpleName() + ": " + ex.getMessage() : ex.getClass().getSimpleName()
				+ " caused by " + root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	/**
	 * The host name and a random suffix: unique per instance, and recognisable in
	 * {@code XINFO CONSUMERS}.
	 */
	static String uniqueConsumerName() {
		String host = System.getenv("HOSTNAME");
		if (host == null || host.isBlank()) {
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (Exception ex) {
				host = "mailer";
			}
		}
		byte[] random = new byte[4];
		ThreadLocalRandom.current().nextBytes(random);
		return host.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + HexFormat.of().formatHex(random);
	}

}
