package org.accountsecurity.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import redis.clients.jedis.Jedis;

/**
 * What the phases of one {@code make bench} run share: its settings ({@code bench.*}),
 * the report, the SMTP sink, the service under test with its CPU meter, Redis and the
 * requests the loads send.
 */
final class Run {

	private final Map<String, String> cfg;

	final double scale;

	private final long deadlineNanos;

	final int bcryptCost;

	/** Whether the service records with JFR ({@code bench.jfr}). */
	final boolean jfr;

	/** Logs, recordings and the report ({@code bench.work}). */
	final Path work;

	final long startNanos = System.nanoTime();

	final Report report = new Report();

	final SmtpSink sink;

	final Requests requests = new Requests();

	final Jedis redis;

	final Outbox outbox;

	/** The service under test; another one for the H2 column. */
	Service service;

	CpuMeter meter;

	/** What emptying the outbox after a load cost, for that load's details. */
	private final Map<Load.Result, Load.Usage> drains = new IdentityHashMap<>();

	Run(Map<String, String> cfg) throws IOException {
		this.cfg = cfg;
		this.scale = Double.parseDouble(cfg.getOrDefault("scale", "1"));
		this.deadlineNanos = System.nanoTime()
				+ TimeUnit.SECONDS.toNanos(Long.parseLong(cfg.getOrDefault("budget-seconds", "660")));
		this.bcryptCost = Integer.parseInt(cfg.getOrDefault("bcrypt-cost", "12"));
		this.jfr = "true".equals(cfg.get("jfr"));
		this.work = Path.of(cfg.getOrDefault("work", "target-bench/bench-run"));
		this.sink = new SmtpSink();
		this.redis = new Jedis("127.0.0.1", Integer.parseInt(cfg.get("redis-port")));
		this.outbox = new Outbox(redis);
	}

	String get(String key) {
		return cfg.get(key);
	}

	String get(String key, String otherwise) {
		return cfg.getOrDefault(key, otherwise);
	}

	static void log(String fmt, Object... args) {
		System.err.printf(Locale.ROOT, "[driver %tT] %s%n", System.currentTimeMillis(),
				String.format(Locale.ROOT, fmt, args));
	}

	/** A duration of the run at scale 1, scaled (at least half a second). */
	long ms(long millis) {
		return Math.max(500, (long) (millis * scale));
	}

	boolean timeLeft(long seconds) {
		return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) < deadlineNanos;
	}

	/**
	 * Waits until the mail outbox is empty; returns the CPU used meanwhile (negative
	 * seconds if it took too long).
	 */
	Load.Usage drain(long maxMillis) throws InterruptedException {
		return outbox.drain(meter, maxMillis);
	}

	/**
	 * Empties the outbox after a load and keeps what that cost for the load's details.
	 */
	Load.Usage drainAfter(Load.Result load, long maxMillis) throws InterruptedException {
		Load.Usage d = drain(maxMillis);
		drains.put(load, d);
		return d;
	}

	Load.Usage drainOf(Load.Result load) {
		return drains.get(load);
	}

	/** The details line of a load. */
	String detail(Load.Result load) {
		return Report.detail(load, drains.get(load));
	}

	/** With {@code bench.jfr}: the service's recording of a window (see {@link Jfr}). */
	void dumpJfr(String name, Instant begin, Instant end) throws IOException {
		if (jfr) {
			Jfr.dump(work, service.pid(), name, begin, end);
		}
	}

}
