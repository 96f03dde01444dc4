package org.accountsecurity.bench;

import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Redis memory per outstanding link: the {@code used_memory} drop when the
 * {@code rt:{id}:live} keys (at least 10,000 after the loads, topped up if need be) are
 * deleted, and {@code MEMORY USAGE} of a sample.
 */
final class RedisMemoryPhase implements Phase {

	@Override
	public String name() {
		return "redis";
	}

	@Override
	public int seconds() {
		return 25;
	}

	@Override
	public void run(Run run) throws Exception {
		Jedis redis = run.redis;
		run.report.section("Redis memory");
		run.drain(60_000);
		List<String> live = scan(redis, "rt:*:live");
		if (live.size() < 10_000 && run.timeLeft(60)) {
			// top up: a link for each of the first pool A accounts (one that has a link
			// gets a new one instead)
			Load.closed("topup", run.service.port, 16, 0, 120_000, Math.min(Requests.POOL_A, 10_000 - live.size()),
					run.requests.apiTask(seq -> Requests.email((int) seq)), null);
			run.drain(120_000);
			live = scan(redis, "rt:*:live");
		}
		List<String> gone = scan(redis, "rt:*:gone:*");
		List<String> sessions = scan(redis, "ass:session:sessions:*");
		List<String> limits = scan(redis, "rl:*");
		long sample = 0;
		int sampled = 0;
		for (String key : live.subList(0, Math.min(200, live.size()))) {
			Long m = redis.memoryUsage(key);
			if (m != null) {
				sample += m;
				sampled++;
			}
		}
		long before = usedMemory(redis);
		deleteAll(redis, gone);
		long afterGone = usedMemory(redis);
		deleteAll(redis, live);
		long afterLive = usedMemory(redis);
		double perLive = live.isEmpty() ? Double.NaN : (afterGone - afterLive) / (double) live.size();
		double perGone = gone.isEmpty() ? Double.NaN : (before - afterGone) / (double) gone.size();
		Report report = run.report;
		report.row("Redis per outstanding link (used_memory drop on deleting " + live.size() + " `rt:{id}:live` keys)",
				Report.f0(perLive) + " B",
				"MEMORY USAGE of one: " + (sampled == 0 ? "n/a" : Report.f0(sample / (double) sampled)) + " B",
				"< 300 B", live.size() >= 10_000 ? perLive < 300 : null);
		report.row("Redis per replaced link (`rt:{id}:gone:<hash>` tombstone, kept for the rest of the TTL)",
				Report.f0(perGone) + " B", gone.size() + " tombstones after the run", "", null);
		report.row("Redis at the end of the load: used_memory", Report.f0(before / 1024.0 / 1024.0) + " MiB",
				sessions.size() + " sessions (`ass:session:sessions:*`), " + limits.size() + " rate-limit keys, "
						+ live.size() + " live links",
				"", null);
		if (live.size() < 10_000) {
			report.notes.add("Only " + live.size() + " outstanding links were in Redis (fewer than 10,000).");
		}
	}

	private static List<String> scan(Jedis redis, String pattern) {
		List<String> keys = new ArrayList<>();
		String cursor = ScanParams.SCAN_POINTER_START;
		ScanParams params = new ScanParams().match(pattern).count(1000);
		do {
			ScanResult<String> r = redis.scan(cursor, params);
			keys.addAll(r.getResult());
			cursor = r.getCursor();
		}
		while (!"0".equals(cursor));
		return keys;
	}

	private static long usedMemory(Jedis redis) {
		for (String line : redis.info("memory").split("\r?\n")) {
			if (line.startsWith("used_memory:")) {
				return Long.parseLong(line.substring("used_memory:".length()).trim());
			}
		}
		return -1;
	}

	private static void deleteAll(Jedis redis, List<String> keys) {
		for (int i = 0; i < keys.size(); i += 500) {
			redis.del(keys.subList(i, Math.min(keys.size(), i + 500)).toArray(new String[0]));
		}
	}

}
