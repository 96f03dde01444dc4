package org.accountsecurity.mail;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.stream.MapRecord;

/**
 * Does one outbox message: hands it to the handler of its kind, then removes it,
 * schedules a retry (the delay doubles with each attempt, up to ten minutes) or, after
 * the last attempt, moves it to the dead letters. Logs only the kind, the stream id and
 * the attempt: the fields may be personal.
 */
final class OutboxProcessor {

	private static final Logger log = LoggerFactory.getLogger(OutboxProcessor.class);

	private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(10);

	private final OutboxStreams streams;

	private final MailProperties properties;

	private final Map<String, OutboxHandler> handlers = new HashMap<>();

	private final MeterRegistry meters;

	OutboxProcessor(OutboxStreams streams, MailProperties properties, List<OutboxHandler> handlers,
			MeterRegistry meters) {
		this.streams = streams;
		this.properties = properties;
		this.meters = meters;
		for (OutboxHandler handler : handlers) {
			new OutboxMessage(handler.kind(), Map.of()); // checks the kind's syntax
			if (OutboxMessage.NONE.equals(handler.kind()) || this.handlers.put(handler.kind(), handler) != null) {
				throw new IllegalStateException(
						"Outbox handler kinds must be unique and not 'none': " + handler.kind());
			}
		}
	}

	Set<String> kinds() {
		return handlers.keySet();
	}

	void process(MapRecord<String, Object, Object> record) {
		String id = record.getId().getValue();
		Map<String, String> fields = new HashMap<>();
		record.getValue().forEach((name, value) -> fields.put(String.valueOf(name), String.valueOf(value)));
		String kind = fields.get(OutboxStreams.KIND);
		int attempt = attempt(fields.get(OutboxStreams.ATTEMPT));
		fields.keySet().removeIf(name -> name.startsWith("_"));
		if (OutboxMessage.NONE.equals(kind)) {
			streams.done(id);
			return;
		}
		OutboxHandler handler = kind == null ? null : handlers.get(kind);
		if (handler == null) {
			discard(id, attempt, "no handler", kind);
			return;
		}
		OutboxMessage message;
		try {
			message = new OutboxMessage(kind, fields);
		}
		catch (IllegalArgumentException ex) {
			discard(id, attempt, "invalid fields", kind);
			return;
		}
		try {
			handler.handle(message, attempt);
		}
		catch (Exception ex) { // also checked exceptions thrown sneakily
			failed(handler, message, id, attempt, ex);
			return;
		}
		streams.done(id);
		meters.counter("mail.sent", "kind", kind).increment();
		// The mail.sent counter counts them; a line per mail is noise at scale.
		log.debug("Mail {} of kind {} sent on attempt {}", id, kind, attempt);
	}

	private void failed(OutboxHandler handler, OutboxMessage message, String id, int attempt, Exception ex) {
		// The exception's message may name the recipient: log its type only.
		String cause = ex.getClass().getSimpleName();
		String kind = message.kind();
		if (attempt < properties.maxAttempts()) {
			Duration delay = retryDelay(properties.firstRetryDelay(), attempt);
			streams.retryLater(id, attempt + 1, delay);
			meters.counter("mail.retried", "kind", kind).increment();
			log.info("Mail {} of kind {} failed on attempt {} ({}); next attempt in {}", id, kind, attempt, cause,
					delay);
			return;
		}
		// Moved aside before gaveUp: if the handler's bookkeeping fails, the mail is
		// still not tried again.
		streams.moveToDead(id, attempt, cause);
		meters.counter("mail.failed", "kind", kind).increment();
		log.warn("Mail {} of kind {} failed on its last attempt {} ({}); moved to the dead letters", id, kind, attempt,
				cause);
		try {
			handler.gaveUp(message, attempt);
		}
		catch (RuntimeException gaveUpFailure) {
			log.error("The handler of kind {} could not record that mail {} was given up ({})", kind, id,
					gaveUpFailure.getClass().getSimpleName());
		}
	}

	// Not queued by MailOutbox, or by a version that knew a kind this one does not:
	// nothing to retry.
	private void discard(String id, int attempt, String reason, String kind) {
		streams.moveToDead(id, attempt, reason);
		meters.counter("mail.failed", "kind", "unknown").increment();
		log.warn("Mail {} of kind {} cannot be sent ({}); moved to the dead letters", id, printable(kind), reason);
	}

	/** {@code first * 2^(attempt-1)}, at most ten minutes. */
	static Duration retryDelay(Duration first, int attempt) {
		long factor = 1L << Math.min(Math.max(attempt - 1, 0), 30);
		return first.compareTo(MAX_RETRY_DELAY.dividedBy(factor)) >= 0 ? MAX_RETRY_DELAY : first.multipliedBy(factor);
	}

	private static int attempt(String value) {
		try {
			return value == null ? 1 : Math.max(1, Integer.parseInt(value));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static String printable(String kind) {
		return kind == null ? "none given" : kind.replaceAll("[^A-Za-z0-9._-]", "?");
	}

}
