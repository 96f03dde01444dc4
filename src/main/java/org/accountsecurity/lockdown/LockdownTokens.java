package org.accountsecurity.lockdown;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.device.DeviceKeys;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The "This wasn't me" tokens: signed for this purpose only (useless as a reset link or
 * device cookie), naming the account, a random link id and the expiry. The link id lives
 * in Redis until the link is used or expires; using it deletes it, so of parallel uses
 * one wins.
 */
@Component
class LockdownTokens {

	static final String PURPOSE = "account-lockdown";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DeviceKeys keys;

	private final StringRedisTemplate redis;

	private final LockdownProperties properties;

	private final Clock clock;

	LockdownTokens(DeviceKeys keys, StringRedisTemplate redis, LockdownProperties properties, Clock clock) {
		this.keys = keys;
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A new single-use token of the account, valid for {@code app.lockdown.token-ttl}.
	 */
	String issue(UUID accountId) {
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		String linkId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
		Instant expires = clock.instant().plus(properties.tokenTtl());
		redis.opsForValue().set(key(accountId, linkId), "1", properties.tokenTtl());
		return keys.sign(PURPOSE, List.of(accountId.toString(), linkId, Long.toString(expires.getEpochSecond())));
	}

	/** The token's link when it is signed, unexpired and unused; nothing is used up. */
	Optional<PendingLockdown> check(String token) {
		return keys.verify(PURPOSE, token)
			.filter(fields -> fields.size() == 3)
			.flatMap(LockdownTokens::parse)
			.filter(link -> clock.instant().isBefore(link.expiresAt()))
			.filter(link -> Boolean.TRUE.equals(redis.hasKey(key(link.accountId(), link.linkId()))));
	}

	/** Uses the link up; true for exactly one of parallel callers. */
	boolean consume(PendingLockdown link) {
		return clock.instant().isBefore(link.expiresAt())
				&& Boolean.TRUE.equals(redis.delete(key(link.accountId(), link.linkId())));
	}

	private static Optional<PendingLockdown> parse(List<String> fields) {
		try {
			return Optional.of(new PendingLockdown(UUID.fromString(fields.get(0)), fields.get(1),
					Instant.ofEpochSecond(Long.parseLong(fields.get(2)))));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	// With the account's hash tag, like every key of an account.
	private static String key(UUID accountId, String linkId) {
		return "lockdown:{" + accountId + "}:" + linkId;
	}

}
