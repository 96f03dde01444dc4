package org.accountsecurity.securityevents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.accountsecurity.audit.AuditEvent;
import org.accountsecurity.audit.AuditFeed;
import org.accountsecurity.securityevents.DeliveryCursors.Cursor;
import org.accountsecurity.securityevents.EventEncoder.Encoded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to one receiver, in order, what the audit trail holds after its cursor: while
 * this instance holds the cursor's lease, each event is sent and the cursor moved past
 * it. A failed attempt leaves the cursor where it is and schedules the next attempt
 * (doubling delays); after the receiver's last attempt the event becomes a dead letter
 * ({@link DeliveryOutcomes}) and the cursor moves on. At-least-once: a crash between a
 * send and the cursor's update sends that event again, with the same message id.
 */
final class TargetDelivery {

	private static final Logger log = LoggerFactory.getLogger(TargetDelivery.class);

	static final int BATCH = 100;

	private final Target target;

	private final String owner;

	private final DeliveryCursors cursors;

	private final AuditFeed feed;

	private final ReceiverClient client;

	private final DeliveryOutcomes outcomes;

	private final EventsProperties properties;

	private final Clock clock;

	TargetDelivery(Target target, String owner, DeliveryCursors cursors, AuditFeed feed, ReceiverClient client,
			DeliveryOutcomes outcomes, EventsProperties properties, Clock clock) {
		this.target = target;
		this.owner = owner;
		this.cursors = cursors;
		this.feed = feed;
		this.client = client;
		this.outcomes = outcomes;
		this.properties = properties;
		this.clock = clock;
	}

	Target target() {
		return target;
	}

	/** Creates the receiver's cursor at the trail's head, if it has none yet. */
	void start() {
		cursors.ensure(target, feed.lastId(), clock.instant());
	}

	/**
	 * One round; true when more is waiting (a full batch went through), so the caller
	 * need not pause.
	 */
	boolean deliverDue() {
		// Two reads decide whether there is anything to do, so that an idle receiver
		// costs
		// no write; only then is the lease claimed and the cursor read again under it.
		long head = feed.lastId();
		if (!due(cursors.read(target.key()), head) || !renewLease()) {
			return false;
		}
		Optional<Cursor> read = cursors.read(target.key());
		if (!due(read, head)) {
			return false;
		}
		long position = read.get().lastEventId();
		int attempts = read.get().attempts();
		List<AuditEvent> events = feed.after(position, head, target.types(), BATCH);
		for (AuditEvent event : events) {
			if (!renewLease()) {
				return false;
			}
			Optional<Encoded> encoded = encode(event);
			String failure = encoded.isEmpty() ? null : client.send(target.url(), encoded.get());
			if (failure != null && attempts + 1 < target.maxAttempts()) {
				Instant next = clock.instant().plus(properties.delayAfter(attempts + 1));
				cursors.retryLater(target.key(), owner, position, attempts + 1, next, clock.instant());
				outcomes.retried(target, event, attempts + 1, failure);
				return false;
			}
			if (failure != null) {
				outcomes.deadLetter(target, event, attempts + 1, failure);
			}
			else if (encoded.isPresent()) {
				outcomes.delivered(target, event, attempts + 1);
			}
			if (!cursors.advance(target.key(), owner, position, event.id(), clock.instant())) {
				log.info("Security events for {}: the lease moved to another instance", target.label());
				return false;
			}
			position = event.id();
			attempts = 0;
		}
		if (events.size() == BATCH) {
			return true;
		}
		// Every matching event up to the head was handled: skip the rest of the trail.
		if (head > position) {
			cursors.advance(target.key(), owner, position, head, clock.instant());
		}
		return false;
	}

	/** Gives the lease up, so that another instance takes over without waiting. */
	void stop() {
		cursors.release(target.key(), owner);
	}

	// Events below the head wait, and no retry is scheduled for later.
	private boolean due(Optional<Cursor> cursor, long head) {
		return cursor.isPresent() && cursor.get().lastEventId() < head
				&& (cursor.get().nextAttemptAt() == null || !clock.instant().isBefore(cursor.get().nextAttemptAt()));
	}

	private boolean renewLease() {
		Instant now = clock.instant();
		return cursors.claim(target.key(), owner, now, now.plus(properties.lease()));
	}

	private Optional<Encoded> encode(AuditEvent event) {
		return target.encoder().encode(event, target.messageId(event.id(), event.occurredAt()), clock.instant());
	}

}
