package org.accountsecurity.password;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.accountsecurity.system.Futures;

/**
 * The threads BCrypt runs on: one per CPU. However many requests ask for a hash at once
 * (sign-ins, password changes), no more BCrypt runs than there are cores; the rest wait
 * their turn in a queue instead of all sharing the CPU with every other request. Measured
 * with {@code make bench} on 2 cores while password changes saturate the CPU: the median
 * forgot-password request took 21.6 ms with a BCrypt per request thread and 6–11 ms with
 * these (docs/bench/proposals.md).
 * <p>
 * A lower OS priority for these threads (SCHED_IDLE, nice) was tried and dropped: a JVM
 * thread that gets no CPU also holds up every safepoint, which stops all other threads.
 */
final class BcryptThreads {

	private static final AtomicInteger counter = new AtomicInteger();

	private static final ExecutorService POOL = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
			work -> {
				Thread thread = new Thread(work, "bcrypt-" + counter.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});

	private BcryptThreads() {
	}

	/**
	 * Runs {@code work} on a BCrypt thread and waits for it; its exceptions reach the
	 * caller unchanged.
	 */
	static <T> T run(Supplier<T> work) {
		return Futures.join(submit(work));
	}

	/** Starts {@code work} on a BCrypt thread. */
	static <T> CompletableFuture<T> submit(Supplier<T> work) {
		return CompletableFuture.supplyAsync(work, POOL);
	}

}
