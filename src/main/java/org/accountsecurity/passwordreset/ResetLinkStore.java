package org.accountsecurity.passwordreset;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The live reset link of each account in Redis: {@code rt:{id}:live} holds the SHA-256 of
 * the newest link's random id; {@code rt:{id}:gone:<hash>} remembers, until the link
 * would have expired, that it was used or revoked, so the person is told which. Both keys
 * carry the account id as hash tag (one Cluster slot), and every change is one Lua
 * script, so consuming is atomic: no read-then-delete window.
 */
@Component
class ResetLinkStore {

	private static final RedisScript<Long> REPLACE = RedisScript.of("""
			local old = redis.call('GET', KEYS[1])
			if old then
			  local ttl = redis.call('PTTL', KEYS[1])
			  if ttl > 0 then redis.call('SET', ARGV[3] .. old, 'revoked', 'PX', ttl) end
			end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			return 1
			""", Long.class);

	// Marks the live link gone (used or revoked) if it is the given one, or any one when
	// ARGV[1] is empty.
	private static final RedisScript<Long> RETIRE = RedisScript.of("""
			local live = redis.call('GET', KEYS[1])
			if not live or (ARGV[1] ~= '' and live ~= ARGV[1]) then return 0 end
			local ttl = redis.call('PTTL', KEYS[1])
			redis.call('DEL', KEYS[1])
			if ttl > 0 then redis.call('SET', ARGV[3] .. live, ARGV[2], 'PX', ttl) end
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	ResetLinkStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	void replace(UUID accountId, String hash, Duration ttl) {
		redis.execute(REPLACE, List.of(live(accountId)), hash, Long.toString(ttl.toMillis()), gonePrefix(accountId));
	}

	boolean consume(UUID accountId, String hash) {
		return retire(accountId, hash, "used");
	}

	boolean revoke(UUID accountId, String hash) {
		return retire(accountId, hash, "revoked");
	}

	void revokeAll(UUID accountId) {
		retire(accountId, "", "revoked");
	}

	ResetLinkState state(UUID accountId, String hash) {
		List<String> values = redis.opsForValue().multiGet(List.of(live(accountId), gonePrefix(accountId) + hash));
		if (values != null && hash.equals(values.get(0))) {
			return ResetLinkState.VALID;
		}
		String gone = values == null ? null : values.get(1);
		return "used".equals(gone) ? ResetLinkState.USED : ResetLinkState.REVOKED;
	}

	private boolean retire(UUID accountId, String hash, String why) {
		Long done = redis.execute(RETIRE, List.of(live(accountId)), hash, why, gonePrefix(accountId));
		return done != null && done == 1L;
	}

	private static String live(UUID accountId) {
		return "rt:{" + accountId + "}:live";
	}

	private static String gonePrefix(UUID accountId) {
		return "rt:{" + accountId + "}:gone:";
	}

}
