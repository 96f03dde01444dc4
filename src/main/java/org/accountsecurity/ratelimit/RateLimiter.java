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
 * counter without expiry. Keys are {@code rl:<limit>:{<subject>}}: the subject is the
 * Redis Cluster hash tag, so an account's counters live in the slot of its other keys.
 */
@Component
public class RateLimiter {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> HIT = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return {count, redis.call('PTTL', KEYS[1])}
			""", List.class);

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
	 * Whether {@code subject} already used up {@code limit} in this window, without
	 * counting a hit.
	 */
	public Decision check(Limit limit, String subject) {
		String key = key(limit, subject);
		String value = redis.opsForValue().get(key);
		if (value == null || Long.parseLong(value) < limit.requests()) {
			return new Decision(true, Duration.ZERO);
		}
		Long ttl = redis.getExpire(key);
		return count(limit, new Decision(false, Duration.ofSeconds(ttl == null ? 0 : Math.max(ttl, 0))));
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
