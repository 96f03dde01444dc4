package org.accountsecurity.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.data.redis.core.StringRedisTemplate;

/** The real rate limiter on a test's own Redis, for tests without Spring. */
public final class TestRateLimiter {

	private TestRateLimiter() {
	}

	public static RateLimiter on(StringRedisTemplate redis, MeterRegistry meters) {
		return new RateLimiter(redis, meters);
	}

}
