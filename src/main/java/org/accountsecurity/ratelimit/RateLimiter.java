package org.accountsecurity.ratelimit;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in Redis, shared by every instance. One script call per hit: the
 * increment and the window's expiry are set atomically, so a crash can never leave a
 * counter without expiry. Attempts whose outcome comes later (a password check) take a
 * place first ({@link #reserve}) and may give it back. Keys are
 * {@code rl:<limit>:{<subject>}}: the subject is the Redis Cluster hash tag, so an
 * account's counters live in the slot of its other keys.
 */
@Component
public class RateLimiter {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> HIT = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return {count, redis.call('PTTL', KEYS[1])}
			""", List.class);

	// The check and the count are one step: N parallel attempts can never all pass a
	// check
	// made before any of them was counted. A refused attempt is not counted.
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> RESERVE = RedisScript.of("""
			local count = tonumber(redis.call('GET', KEYS[1]) or '0')
			if count >= tonumber(ARGV[2]) then return {0, redis.call('PTTL', KEYS[1])} end
			if redis.call('INCR', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return {1, redis.call('PTTL', KEYS[1])}
			""", List.class);

	// DECR keeps the window's expiry; a window that ended meanwhile is not taken below
	// zero.
	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then return redis.call('DECR', KEYS[1]) end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	private final MeterRegistry meters;

	RateLimiter(StringRedisTemplate redis, MeterRegistry meters) {
		this.redis = redis;
		this.meters = meters;
	}

	/**
	 * Counts one hit of {@code subject} against {@code limit} and says whether it is
	 * within it.
	 */
	public Decision hit(Limit limit, String subject) {
		List<?> result = redis.execute(HIT, List.of(key(limit, subject)), Long.toString(limit.window().toMillis()));
		long count = ((Number) result.get(0)).longValue();
		long ttl = Math.max(((Number) result.get(1)).longValue(), 0);
		return count(limit, new Decision(count <= limit.requests(), Duration.ofMillis(ttl)));
	}

	/**
	 * Takes one place of {@code limit} for an attempt whose outcome is not known yet (a
	 * password about to be checked), or refuses it when the window is full. Give the
	 * place back with {@link #release} when the attempt must not count.
	 */
	public Decision reserve(Limit limit, String subject) {
		List<?> result = redis.execute(RESERVE, List.of(key(limit, subject)), Long.toString(limit.window().toMillis()),
				Integer.toString(limit.requests()));
		boolean allowed = ((Number) result.get(0)).longValue() == 1;
		long ttl = Math.max(((Number) result.get(1)).longValue(), 0);
		return count(limit, new Decision(allowed, allowed ? Duration.ZERO : Duration.ofMillis(ttl)));
	}

	/** Gives back a place taken by {@link #reserve}. */
	public void release(Limit limit, String subject) {
		redis.execute(RELEASE, List.of(key(limit, subject)));
	}

	private Decision count(Limit limit, Decision decision) {
		if (!decision.allowed()) {
			meters.counter("ratelimit.hits", "limit", limit.name()).increment();
		}
		return decision;
	}

	private static String key(Limit limit, String subject) {
		return "rl:" + limit.name() + ":{" + subject + "}";
	}

	/** A named limit: at most {@code requests} per {@code window}. */
	public record Limit(String name, int requests, Duration window) {
	}

	/** The answer for one hit: allowed, or how long until the window ends. */
	public record Decision(boolean allowed, Duration retryAfter) {

		public long retryAfterSeconds() {
			return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		}

	}

}
