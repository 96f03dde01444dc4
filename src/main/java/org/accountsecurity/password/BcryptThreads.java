package org.accountsecurity.password;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * They run at nice 10, so that a request that needs the CPU gets it before BCrypt does,
 * and BCrypt still takes all the CPU nobody else wants. A JVM thread that gets little CPU
 * must still reach a safepoint quickly, or every other thread waits at the next garbage
 * collection: {@code config/jvm.options} keeps BCrypt's inner step from being inlined, so
 * that its loop passes a safepoint check every ~30 µs (docs/bench/README.md).
 */
final class BcryptThreads {

	private static final int NICE = 10;

	private static final AtomicInteger counter = new AtomicInteger();

	private static final ExecutorService POOL = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
			work -> {
				Thread thread = new Thread(() -> {
					lowerPriority();
					work.run();
				}, "bcrypt-" + counter.incrementAndGet());
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

	/**
	 * Gives the calling thread nice 10 (Linux: its thread id from /proc/thread-self, and
	 * renice, which lowers one thread without privileges); elsewhere, or without renice,
	 * it keeps the normal priority.
	 */
	private static void lowerPriority() {
		try {
			String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
			Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			renice.waitFor(5, TimeUnit.SECONDS);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// not Linux, or no renice: the normal priority
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Starts {@code work} on a BCrypt thread. */
	static <T> CompletableFuture<T> submit(Supplier<T> work) {
		return CompletableFuture.supplyAsync(work, POOL);
	}

}
