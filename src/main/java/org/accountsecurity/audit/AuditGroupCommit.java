package org.accountsecurity.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import org.accountsecurity.system.Futures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the events that come without a transaction of their own (most of them: requests,
 * link opens, sign-ins) in shared transactions: one writer thread takes whatever is
 * queued, up to 256 rows, and commits them together. Every caller still waits until its
 * row is committed, so an event is durable before the response; but the chain head is
 * locked once per batch instead of once per event, which is what limited throughput.
 */
@Component
class AuditGroupCommit implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditGroupCommit.class);

	private static final int MAX_BATCH = 256;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final AuditChainWriter writer;

	private final TransactionTemplate transaction;

	private volatile Thread thread;

	AuditGroupCommit(AuditChainWriter writer, TransactionTemplate transaction) {
		this.writer = writer;
		this.transaction = transaction;
	}

	/**
	 * Queues the row and waits until it is committed; returns its id, or throws what the
	 * write threw.
	 */
	long append(AuditRow row) {
		Pending pending = new Pending(row, new CompletableFuture<>());
		if (thread == null) {
			// Not started yet (or stopping): write it alone, still in its own
			// transaction.
			write(List.of(pending));
		}
		else {
			queue.add(pending);
		}
		return Futures.join(pending.done());
	}

	@Override
	public void start() {
		Thread writerThread = new Thread(this::run, "audit-group-commit");
		writerThread.setDaemon(true);
		thread = writerThread;
		writerThread.start();
	}

	@Override
	public void stop() {
		Thread running = thread;
		thread = null;
		if (running != null) {
			running.interrupt();
			try {
				running.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		drain();
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}

	// Stop after the web server (which stops at a higher phase) so that no request is
	// left waiting.
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

	private void run() {
		while (thread == Thread.currentThread()) {
			try {
				List<Pending> batch = new ArrayList<>();
				batch.add(queue.take());
				queue.drainTo(batch, MAX_BATCH - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void drain() {
		List<Pending> rest = new ArrayList<>();
		queue.drainTo(rest);
		if (!rest.isEmpty()) {
			write(rest);
		}
	}

	private void write(List<Pending> batch) {
		try {
			List<Long> ids = transaction.execute(status -> writer.append(batch.stream().map(Pending::row).toList()));
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).done().complete(ids.get(i));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not write {} audit event(s): {}", batch.size(), ex.getClass().getSimpleName());
			batch.forEach(pending -> pending.done().completeExceptionally(ex));
		}
	}

	private record Pending(AuditRow row, CompletableFuture<Long> done) {
	}

}
