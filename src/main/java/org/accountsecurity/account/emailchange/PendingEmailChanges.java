package org.accountsecurity.account.emailchange;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The one pending e-mail change of each account in Redis: the hash {@code ec:{id}} holds
 * the request id, the new address, the credential version at request time and, once
 * mailed, the SHA-256 of the link's token. A newer request or mail replaces it; the hash
 * {@code ec:{id}:gone} remembers used or replaced links so the page can say which. All
 * keys carry the account id as hash tag (one Cluster slot) and each change is one Lua
 * script, so a link is consumed atomically: no read-then-delete window, and a wrong token
 * never deletes the right one.
 */
@Component
class PendingEmailChanges {

	// Remembers why a link is gone in the hash KEYS[2] (field: the link's hash), so the
	// page can say which; every key a script touches is in KEYS. The markers live as long
	// as the newest link would; past 32 they start again (they only choose the page).
	private static final String MARK = """
			local function mark(token, why, ttl)
			  if redis.call('HLEN', KEYS[2]) >= 32 then redis.call('DEL', KEYS[2]) end
			  redis.call('HSET', KEYS[2], token, why)
			  redis.call('PEXPIRE', KEYS[2], ttl)
			end
			""";

	private static final RedisScript<Long> SAVE = RedisScript.of(MARK + """
			local old = redis.call('HGET', KEYS[1], 'token')
			if old and old ~= '' then mark(old, 'replaced', ARGV[4]) end
			redis.call('DEL', KEYS[1])
			redis.call('HSET', KEYS[1], 'request', ARGV[1], 'address', ARGV[2], 'cv', ARGV[3], 'token', '')
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			return 1
			""", Long.class);

	// Only for the request that queued the mail: a newer request's mail must not be sent
	// by an older job.
	private static final RedisScript<String> ISSUE = RedisScript.of(MARK + """
			if redis.call('HGET', KEYS[1], 'request') ~= ARGV[1] then return false end
			local old = redis.call('HGET', KEYS[1], 'token')
			if old and old ~= '' then mark(old, 'replaced', ARGV[3]) end
			redis.call('HSET', KEYS[1], 'token', ARGV[2])
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return redis.call('HGET', KEYS[1], 'address')
			""", String.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> PEEK = RedisScript.of("""
			if redis.call('HGET', KEYS[1], 'token') == ARGV[1] then
			  return {'valid', unpack(redis.call('HMGET', KEYS[1], 'address', 'cv'))}
			end
			return {redis.call('HGET', KEYS[2], ARGV[1]) or 'unknown'}
			""", List.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CONSUME = RedisScript.of(MARK + """
			if redis.call('HGET', KEYS[1], 'token') == ARGV[1] then
			  local found = redis.call('HMGET', KEYS[1], 'address', 'cv')
			  redis.call('DEL', KEYS[1])
			  mark(ARGV[1], 'used', ARGV[2])
			  return {'valid', found[1], found[2]}
			end
			return {redis.call('HGET', KEYS[2], ARGV[1]) or 'unknown'}
			""", List.class);

	private final StringRedisTemplate redis;

	PendingEmailChanges(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Makes this request the account's pending change; a link mailed for an older one
	 * stops working.
	 */
	void save(UUID accountId, String requestId, String newAddress, long credentialVersion, Duration ttl) {
		redis.execute(SAVE, keys(accountId), requestId, newAddress, Long.toString(credentialVersion), millis(ttl));
	}

	/**
	 * Binds a token to request {@code requestId} and returns its new address; empty if it
	 * is no longer pending.
	 */
	Optional<String> issue(UUID accountId, String requestId, String tokenHash, Duration ttl) {
		return Optional.ofNullable(redis.execute(ISSUE, keys(accountId), requestId, tokenHash, millis(ttl)));
	}

	/**
	 * What the token's link stands for, without using it up (mail scanners open links).
	 */
	Found peek(UUID accountId, String tokenHash) {
		return found(redis.execute(PEEK, keys(accountId), tokenHash));
	}

	/**
	 * Takes the pending change if the token is its link: of concurrent calls with one
	 * token, one gets it.
	 */
	Found consume(UUID accountId, String tokenHash, Duration remember) {
		return found(redis.execute(CONSUME, keys(accountId), tokenHash, millis(remember)));
	}

	private static Found found(List<?> reply) {
		String state = reply == null || reply.isEmpty() ? "unknown" : String.valueOf(reply.get(0));
		return switch (state) {
			case "valid" ->
				new Found(ConfirmationState.VALID, (String) reply.get(1), Long.parseLong((String) reply.get(2)));
			case "used" -> new Found(ConfirmationState.USED, null, 0);
			case "replaced" -> new Found(ConfirmationState.REVOKED, null, 0);
			default -> new Found(ConfirmationState.INVALID, null, 0);
		};
	}

	// The pending change and the markers of gone links, both with the account's hash tag.
	private static List<String> keys(UUID accountId) {
		return List.of("ec:{" + accountId + "}", "ec:{" + accountId + "}:gone");
	}

	private static String millis(Duration duration) {
		return Long.toString(duration.toMillis());
	}

	/**
	 * The link's state; for a VALID one also the new address and the credential version
	 * it was asked with.
	 */
	record Found(ConfirmationState state, String address, long credentialVersion) {
	}

}
