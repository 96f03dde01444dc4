package org.accountsecurity.secondfactor;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The last TOTP time step each account used (RFC 6238 §5.2: a code is accepted once, and
 * none older than one accepted). One script on a single key with the account's hash tag,
 * so the compare and the set are atomic and cluster-safe: of parallel requests with the
 * same code only one wins. The key outlives every step it could refuse.
 */
@Component
class UsedCodes {

	private static final Duration KEEP = TotpCodes.STEP.multipliedBy(4);

	private static final RedisScript<Long> CLAIM = RedisScript.of("""
			local last = tonumber(redis.call('GET', KEYS[1]) or '-1')
			if tonumber(ARGV[1]) <= last then return 0 end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	UsedCodes(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/** Marks {@code step} used by the account; false when it, or a later one, was. */
	boolean claim(UUID accountId, long step) {
		Long claimed = redis.execute(CLAIM, List.of("sf:totp-last:{" + accountId + "}"), Long.toString(step),
				Long.toString(KEEP.toMillis()));
		return claimed != null && claimed == 1;
	}

}
