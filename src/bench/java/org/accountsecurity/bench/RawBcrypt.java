package org.accountsecurity.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The physical limit of password changes: Spring Security's BCrypt at the service's cost
 * on plain threads.
 */
final class RawBcrypt {

	private RawBcrypt() {
	}

	/**
	 * Hashes per second on one thread per CPU while the service is idle; first a run that
	 * lets the JIT compile BCrypt's loop (the service's is compiled by the warm-up).
	 */
	static double rate(Run run, int threads) throws InterruptedException {
		rate(run.bcryptCost, threads, run.ms(4000));
		double rate = rate(run.bcryptCost, threads, run.ms(10_000));
		Run.log("raw BCrypt cost %d: %.2f hashes/s on %d threads", run.bcryptCost, rate, threads);
		return rate;
	}

	/** Hashes per second of {@code BCrypt.hashpw} (no pre-hash, no pool). */
	private static double rate(int cost, int threads, long millis) throws InterruptedException {
		AtomicLong hashes = new AtomicLong();
		long start = System.nanoTime();
		long stop = start + TimeUnit.MILLISECONDS.toNanos(millis);
		Thread[] running = new Thread[threads];
		for (int i = 0; i < threads; i++) {
			running[i] = new Thread(() -> {
				while (System.nanoTime() < stop) {
					BCrypt.hashpw("raw bcrypt bench password " + hashes.get(), BCrypt.gensalt("$2b", cost));
					hashes.incrementAndGet();
				}
			});
			running[i].setDaemon(true);
			running[i].start();
		}
		for (Thread t : running) {
			t.join();
		}
		return hashes.get() / ((System.nanoTime() - start) / 1e9);
	}

}
