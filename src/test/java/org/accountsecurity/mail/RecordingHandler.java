package org.accountsecurity.mail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.mail.MailSendException;

/**
 * A handler that fails its first {@code failures} calls, then succeeds, and records what
 * it was given.
 */
final class RecordingHandler implements OutboxHandler {

	private final String kind;

	private final int failures;

	final List<Integer> attempts = new CopyOnWriteArrayList<>();

	final List<OutboxMessage> handled = new CopyOnWriteArrayList<>();

	final AtomicInteger gaveUp = new AtomicInteger();

	volatile int gaveUpAttempts;

	/** {@link System#nanoTime()} when the handler was first called. */
	volatile long firstHandledAt;

	RecordingHandler(String kind, int failures) {
		this.kind = kind;
		this.failures = failures;
	}

	static RecordingHandler succeeding(String kind) {
		return new RecordingHandler(kind, 0);
	}

	static RecordingHandler alwaysFailing(String kind) {
		return new RecordingHandler(kind, Integer.MAX_VALUE);
	}

	@Override
	public String kind() {
		return kind;
	}

	@Override
	public void handle(OutboxMessage message, int attempt) {
		if (attempts.isEmpty()) {
			firstHandledAt = System.nanoTime();
		}
		attempts.add(attempt);
		if (attempts.size() <= failures) {
			throw new MailSendException("SMTP server unreachable (test)");
		}
		handled.add(message);
	}

	@Override
	public void gaveUp(OutboxMessage message, int attempts) {
		gaveUpAttempts = attempts;
		gaveUp.incrementAndGet();
	}

}
