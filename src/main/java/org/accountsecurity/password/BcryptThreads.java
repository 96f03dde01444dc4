package org.accountsecurity.password;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads BCrypt runs on: one per CPU, at the lowest CPU priority Linux has ({@code SCHED_IDLE}). BCrypt
 * then uses every core nobody else needs, while any other request that wakes up takes a core from it at once
 * instead of queueing behind a quarter-second hash. The callers (request threads) wait for the result, so no
 * more BCrypt runs at once than there are cores, however many requests ask.
 * <p>
 * Where the priority cannot be lowered (not Linux, no {@code chrt}, a sandbox refusing it) the threads run at
 * normal priority and this is logged once.
 */
final class BcryptThreads {

	private static final Logger log = LoggerFactory.getLogger(BcryptThreads.class);

	private static final ExecutorService POOL = Executors
		.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), new LowPriorityThreads());

	private BcryptThreads() {
	}

	/** Runs {@code work} on a BCrypt thread and waits for it; its exceptions reach the caller unchanged. */
	static <T> T run(Supplier<T> work) {
		try {
			return submit(work).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	/** Starts {@code work} on a BCrypt thread. */
	static <T> CompletableFuture<T> submit(Supplier<T> work) {
		return CompletableFuture.supplyAsync(work, POOL);
	}

	/** Whether the calling thread runs under {@code SCHED_IDLE} (policy 5 in {@code /proc/thread-self/stat}). */
	static boolean idlePriority() {
		try {
			String stat = Files.readString(Path.of("/proc/thread-self/stat"));
			// Field 41 is the policy; the fields start after the command name in parentheses, at field 3.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return "5".equals(fields[41 - 3]);
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static final class LowPriorityThreads implements ThreadFactory {

		private static final AtomicInteger counter = new AtomicInteger();

		private static volatile boolean warned;

		@Override
		public Thread newThread(Runnable work) {
			Thread thread = new Thread(() -> {
				lowerPriority();
				work.run();
			}, "bcrypt-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

		// Java cannot set a thread's scheduling policy; chrt (util-linux) can, given the thread's id. Lowering
		// one's own priority needs no privilege.
		private static void lowerPriority() {
			String problem;
			try {
				Path self = Files.readSymbolicLink(Path.of("/proc/thread-self")); // "<pid>/task/<tid>"
				Process chrt = new ProcessBuilder("chrt", "--idle", "--pid", "0", self.getFileName().toString())
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				if (chrt.waitFor(5, TimeUnit.SECONDS) && chrt.exitValue() == 0) {
					return;
				}
				chrt.destroyForcibly();
				problem = "chrt failed";
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				problem = "interrupted";
			}
			catch (Exception ex) {
				problem = ex.getClass().getSimpleName();
			}
			if (!warned) {
				warned = true;
				log.info("BCrypt runs at normal CPU priority ({}): under load it competes with other requests",
						problem);
			}
		}

	}

}
