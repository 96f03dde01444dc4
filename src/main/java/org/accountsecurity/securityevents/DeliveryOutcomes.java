package org.accountsecurity.securityevents;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEvent;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What follows an attempt: the counter {@code security.events} (by receiver and result:
 * delivered, retried, failed), a log line, and for the account's trail
 * {@code SECURITY_EVENT_FAILED} with the dead letter, or {@code SECURITY_EVENT_DELIVERED}
 * when an event got through only after failed attempts (a receiver's outage ended). A
 * delivery on the first attempt is not audited: the trail would grow by one row per event
 * and receiver. These types are never delivered themselves, so auditing a delivery cannot
 * feed the queue.
 */
@Component
class DeliveryOutcomes {

	private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);

	private final AuditLog audit;

	private final DeadLetters deadLetters;

	private final MeterRegistry meters;

	private final Clock clock;

	DeliveryOutcomes(AuditLog audit, DeadLetters deadLetters, MeterRegistry meters, Clock clock) {
		this.audit = audit;
		this.deadLetters = deadLetters;
		this.meters = meters;
		this.clock = clock;
	}

	void delivered(Target target, AuditEvent event, int attempt) {
		count(target, "delivered");
		if (attempt > 1) {
			log.info("Security event {} delivered to {} at attempt {}", event.id(), target.label(), attempt);
			audit.record(entry(AuditEventType.SECURITY_EVENT_DELIVERED, Outcome.SUCCESS, "after_retries", target, event)
				.with("attempts", attempt));
		}
	}

	void retried(Target target, AuditEvent event, int attempts, String failure) {
		count(target, "retried");
		log.warn("Security event {} to {} failed ({}), attempt {} of {}; retried later", event.id(), target.label(),
				failure, attempts, target.maxAttempts());
	}

	void deadLetter(Target target, AuditEvent event, int attempts, String failure) {
		count(target, "failed");
		log.warn("Security event {} to {} failed ({}) after {} attempts; kept as a dead letter", event.id(),
				target.label(), failure, attempts);
		audit.record(entry(AuditEventType.SECURITY_EVENT_FAILED, Outcome.FAILURE, "max_attempts", target, event)
			.with("attempts", attempts)
			.with("lastError", failure));
		deadLetters.add(target, event.id(), attempts, failure, clock.instant());
	}

	private static AuditEntry entry(AuditEventType type, Outcome outcome, String reason, Target target,
			AuditEvent event) {
		return new AuditEntry(type, outcome, reason, AuditEntry.SYSTEM, event.accountId(), null, RequestOrigin.SYSTEM)
			.with("receiver", target.label())
			.with("eventId", event.id())
			.with("eventType", event.type().name());
	}

	private void count(Target target, String result) {
		meters.counter("security.events", "receiver", target.label(), "result", result).increment();
	}

}
