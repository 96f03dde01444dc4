package org.accountsecurity.securityevents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.accountsecurity.audit.AuditFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One daemon thread per receiver, so that a slow or dead receiver delays only its own
 * events, and never a request: requests only append to the audit trail. Each thread runs
 * its {@link TargetDelivery} every {@code app.events.poll-interval} (at once while a
 * backlog lasts); on every instance, but only the lease holder delivers. Off with
 * {@code app.events.worker-enabled=false}.
 */
@Component
class SecurityEventWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SecurityEventWorker.class);

	private final List<TargetDelivery> deliveries = new ArrayList<>();

	private final EventsProperties properties;

	private final List<Thread> threads = new ArrayList<>();

	private final Object monitor = new Object();

	private volatile boolean running;

	SecurityEventWorker(Targets.ReceiverList receivers, DeliveryCursors cursors, AuditFeed feed, ReceiverClient client,
			DeliveryOutcomes outcomes, EventsProperties properties, Clock clock) {
		this.properties = properties;
		String owner = "instance-" + UUID.randomUUID();
		for (Target target : receivers.targets()) {
			deliveries.add(new TargetDelivery(target, owner, cursors, feed, client, outcomes, properties, clock));
		}
	}

	@Override
	public void start() {
		synchronized (monitor) {
			if (running || deliveries.isEmpty()) {
				return;
			}
			running = true;
			for (TargetDelivery delivery : deliveries) {
				Thread thread = new Thread(() -> run(delivery), "security-events-" + delivery.target().label());
				thread.setDaemon(true);
				threads.add(thread);
				thread.start();
			}
		}
		log.info("Security events: delivering to {} receiver(s)", deliveries.size());
	}

	@Override
	public void stop() {
		synchronized (monitor) {
			running = false;
			monitor.notifyAll();
		}
		// A send under way may take its timeouts; all threads share that one wait.
		long deadline = System.nanoTime()
				+ properties.connectTimeout().plus(properties.readTimeout()).plusSeconds(1).toNanos();
		for (Thread thread : threads) {
			try {
				thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		threads.clear();
		for (TargetDelivery delivery : deliveries) {
			try {
				delivery.stop();
			}
			catch (RuntimeException ex) {
				// The lease then runs out by itself.
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public boolean isAutoStartup() {
		return properties.workerEnabled();
	}

	private void run(TargetDelivery delivery) {
		boolean started = false;
		boolean failing = false;
		while (running) {
			boolean more = false;
			try {
				if (!started) {
					delivery.start();
					started = true;
				}
				more = delivery.deliverDue();
				if (failing) {
					failing = false;
					log.info("Security events for {}: the database answers again", delivery.target().label());
				}
			}
			catch (RuntimeException ex) {
				if (!failing) {
					failing = true;
					log.warn("Security events for {}: {}; trying again", delivery.target().label(),
							ex.getClass().getSimpleName());
				}
			}
			if (!more) {
				pause();
			}
		}
	}

	private void pause() {
		synchronized (monitor) {
			if (running) {
				try {
					monitor.wait(Math.max(1, properties.pollInterval().toMillis()));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					running = false;
				}
			}
		}
	}

}
