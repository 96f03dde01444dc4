package org.accountsecurity.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Closed-loop (N clients, each request after the last) and open-loop (fixed arrival rate) load on the service. */
final class Load {

	private Load() {
	}

	private static final java.util.Set<String> ERRORS = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/** Remembers a few distinct unexpected answers, for the log. */
	static void error(String what) {
		if (ERRORS.size() < 20 && ERRORS.add(what)) {
			System.err.println("[driver] unexpected answer: " + what);
		}
	}

	/** Checks an answer's status; a wrong one is remembered with the start of its body. */
	static boolean expect(String what, Http.Response r, int status) {
		if (r.status() == status) {
			return true;
		}
		String body = r.body() == null ? "" : r.body().replaceAll("\\s+", " ");
		error(what + " -> " + r.status() + " " + body.substring(0, Math.min(200, body.length())));
		return false;
	}

	/** What one client does once; records into {@code rec}; returns false if the answer was wrong. */
	interface Task {

		boolean run(Http http, Recorder rec, long seq) throws Exception;

	}

	/** Per-thread latency samples in nanoseconds, by series (e.g. "post", "get"). */
	static final class Recorder {

		private final java.util.Map<String, long[]> data = new java.util.HashMap<>();

		private final java.util.Map<String, Integer> sizes = new java.util.HashMap<>();

		volatile boolean on = true;

		void record(String series, long nanos) {
			if (!on) {
				return;
			}
			long[] a = data.computeIfAbsent(series, s -> new long[4096]);
			int n = sizes.getOrDefault(series, 0);
			if (n == a.length) {
				a = Arrays.copyOf(a, a.length * 2);
				data.put(series, a);
			}
			a[n] = nanos;
			sizes.put(series, n + 1);
		}

		long[] get(String series) {
			long[] a = data.get(series);
			return a == null ? new long[0] : Arrays.copyOf(a, sizes.get(series));
		}

		static long[] merge(List<Recorder> recs, String series) {
			List<long[]> parts = new ArrayList<>();
			int total = 0;
			for (Recorder r : recs) {
				long[] p = r.get(series);
				parts.add(p);
				total += p.length;
			}
			long[] all = new long[total];
			int at = 0;
			for (long[] p : parts) {
				System.arraycopy(p, 0, all, at, p.length);
				at += p.length;
			}
			return all;
		}

	}

	/** What a load run saw in its measured window. */
	record Result(String name, int clients, double seconds, long ops, long errors, List<Recorder> recorders,
			Usage usage) {

		double rate() {
			return ops / seconds;
		}

		long[] latencies(String series) {
			return Stats.sorted(Recorder.merge(recorders, series));
		}

	}

	/** Something that samples CPU at the start and end of the measured window. */
	interface Meter {

		Object start();

		Usage stop(Object started, double seconds);

	}

	/** CPU seconds per process group in a window. */
	record Usage(double seconds, double service, double redis, double postgres, double driver, double machine,
			double jit) {

		double total() {
			return service + redis + postgres;
		}

		/** CPU seconds used on the machine by processes that are not part of the benchmark (noise). */
		double foreign() {
			return Math.max(0, machine - service - redis - postgres - driver);
		}

	}

	/**
	 * {@code clients} threads, one connection each, run {@code task} back to back; the window of
	 * {@code measureMillis} after {@code rampMillis} is measured. {@code maxOps} bounds the requests.
	 */
	static Result closed(String name, int port, int clients, long rampMillis, long measureMillis, long maxOps,
			Task task, Meter meter) throws InterruptedException {
		AtomicLong seq = new AtomicLong();
		AtomicLong ops = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		List<Recorder> recs = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		long stopAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(rampMillis + measureMillis);
		for (int i = 0; i < clients; i++) {
			Recorder rec = new Recorder();
			rec.on = false;
			recs.add(rec);
			Thread t = new Thread(() -> {
				try (Http http = new Http(port)) {
					while (System.nanoTime() < stopAt) {
						long s = seq.getAndIncrement();
						if (s >= maxOps) {
							break;
						}
						boolean ok;
						try {
							ok = task.run(http, rec, s);
						}
						catch (Exception ex) {
							ok = false;
							error(name + ": " + ex);
							http.close();
						}
						if (rec.on) {
							ops.incrementAndGet();
							if (!ok) {
								errors.incrementAndGet();
							}
						}
					}
				}
			}, name + "-" + i);
			t.setDaemon(true);
			threads.add(t);
			t.start();
		}
		Thread.sleep(rampMillis);
		recs.forEach(r -> r.on = true);
		Object started = meter == null ? null : meter.start();
		long t0 = System.nanoTime();
		long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(measureMillis);
		while (System.nanoTime() < deadline && threads.stream().anyMatch(Thread::isAlive)) {
			Thread.sleep(20);
		}
		recs.forEach(r -> r.on = false);
		double seconds = (System.nanoTime() - t0) / 1e9;
		Usage usage = meter == null ? null : meter.stop(started, seconds);
		long counted = ops.get();
		for (Thread t : threads) {
			t.join(60_000);
		}
		return new Result(name, clients, seconds, counted, errors.get(), recs, usage);
	}

	/**
	 * Requests arrive at {@code rate} per second for {@code millis}, whatever the answers do (open loop), served by
	 * up to {@code workers} connections. Series "sched" is each request's time from its scheduled start to its end,
	 * so queueing behind slow answers counts (no coordinated omission).
	 */
	static Result open(String name, int port, double rate, long millis, int workers, Task task, Meter meter)
			throws InterruptedException {
		long period = (long) (1e9 / rate);
		long total = (long) (rate * millis / 1000.0);
		BlockingQueue<long[]> queue = new ArrayBlockingQueue<>((int) Math.max(16, total + 16));
		AtomicLong errors = new AtomicLong();
		AtomicLong ops = new AtomicLong();
		List<Recorder> recs = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		long[] poison = new long[] { -1, -1 };
		for (int i = 0; i < workers; i++) {
			Recorder rec = new Recorder();
			recs.add(rec);
			Thread t = new Thread(() -> {
				try (Http http = new Http(port)) {
					while (true) {
						long[] job = queue.take();
						if (job == poison) {
							queue.put(poison);
							return;
						}
						boolean ok;
						try {
							ok = task.run(http, rec, job[1]);
						}
						catch (Exception ex) {
							ok = false;
							error(name + ": " + ex);
							http.close();
						}
						rec.record("sched", System.nanoTime() - job[0]);
						ops.incrementAndGet();
						if (!ok) {
							errors.incrementAndGet();
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, name + "-" + i);
			t.setDaemon(true);
			threads.add(t);
			t.start();
		}
		Object started = meter == null ? null : meter.start();
		long start = System.nanoTime() + 5_000_000;
		for (long i = 0; i < total; i++) {
			long at = start + i * period;
			long wait;
			while ((wait = at - System.nanoTime()) > 0) {
				LockSupport.parkNanos(Math.min(wait, 1_000_000));
			}
			queue.put(new long[] { at, i });
		}
		queue.put(poison);
		for (Thread t : threads) {
			t.join(120_000);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Usage usage = meter == null ? null : meter.stop(started, seconds);
		return new Result(name, workers, seconds, ops.get(), errors.get(), recs, usage);
	}

}
