package org.accountsecurity.passwordreset;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The reset links in Redis, two keys per account: {@code rt:{id}:live} holds the live
 * link's hash; the hash {@code rt:{id}:gone} maps the hashes of used or revoked links to
 * {@code used} or {@code revoked}. Every change is one Lua script that names both keys in
 * {@code KEYS} (they share the account id as hash tag, so one Cluster slot), so consuming
 * is atomic: no read-then-delete window.
 */
@Component
final class RedisResetLinkStore implements ResetLinkStore {

	private static final int MAX_GONE = 32;

	// Remembers why a link is gone. The hash lives as long as its longest-lived link
	// would have (a field may outlive its link: the token's own expiry is checked first);
	// beyond MAX_GONE fields it starts afresh, as markers only choose between two pages.
	private static final String MARK = """
			local function mark(hash, why, ttl)
			  if redis.call('HLEN', KEYS[2]) >= %d then redis.call('DEL', KEYS[2]) end
			  redis.call('HSET', KEYS[2], hash, why)
			  if redis.call('PTTL', KEYS[2]) < ttl then redis.call('PEXPIRE', KEYS[2], ttl) end
			end
			""".formatted(MAX_GONE);

	private static final RedisScript<Long> REPLACE = RedisScript.of(MARK + """
			local old = redis.call('GET', KEYS[1])
			if old then
			  local ttl = redis.call('PTTL', KEYS[1])
			  if ttl > 0 then mark(old, 'revoked', ttl) end
			end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			return 1
			""", Long.class);

	// Retires the live link (used or revoked) if it is the given one, or any one when
	// ARGV[1] is empty.
	private static final RedisScript<Long> RETIRE = RedisScript.of(MARK + """
			local live = redis.call('GET', KEYS[1])
			if not live or (ARGV[1] ~= '' and live ~= ARGV[1]) then return 0 end
			local ttl = redis.call('PTTL', KEYS[1])
			redis.call('DEL', KEYS[1])
			if ttl > 0 then mark(live, ARGV[2], ttl) end
			return 1
			""", Long.class);

	// Undoes a consume whose change failed, unless a newer link is live by now.
	private static final RedisScript<Long> GIVE_BACK = RedisScript.of("""
			if redis.call('HGET', KEYS[2], ARGV[1]) ~= 'used' or redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
			redis.call('HDEL', KEYS[2], ARGV[1])
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			return 1
			""", Long.class);

	private static final RedisScript<String> STATE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then return 'valid' end
			return redis.call('HGET', KEYS[2], ARGV[1]) or 'revoked'
			""", String.class);

	private final StringRedisTemplate redis;

	RedisResetLinkStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public void replace(UUID accountId, String linkHash, Duration ttl) {
		redis.execute(REPLACE, keys(accountId), linkHash, Long.toString(ttl.toMillis()));
	}

	@Override
	public boolean consume(UUID accountId, String linkHash) {
		return retire(accountId, linkHash, "used");
	}

	@Override
	public boolean giveBack(UUID accountId, String linkHash, Duration ttl) {
		Long done = redis.execute(GIVE_BACK, keys(accountId), linkHash, Long.toString(ttl.toMillis()));
		return done != null && done == 1L;
	}

	@Override
	public boolean revoke(UUID accountId, String linkHash) {
		return retire(accountId, linkHash, "revoked");
	}

	@Override
	public void revokeAll(UUID accountId) {
		retire(accountId, "", "revoked");
	}

	@Override
	public ResetLinkState state(UUID accountId, String linkHash) {
		String state = redis.execute(STATE, keys(accountId), linkHash);
		if ("valid".equals(state)) {
			return ResetLinkState.VALID;
		}
		return "used".equals(state) ? ResetLinkState.USED : ResetLinkState.REVOKED;
	}

	private boolean retire(UUID accountId, String linkHash, String why) {
		Long done = redis.execute(RETIRE, keys(accountId), linkHash, why);
		return done != null && done == 1L;
	}

	/** The only keys the scripts touch, in the order they name them. */
	static List<String> keys(UUID accountId) {
		String prefix = "rt:{" + accountId + "}:";
		return List.of(prefix + "live", prefix + "gone");
	}

}
