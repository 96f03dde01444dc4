package org.accountsecurity.account;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.redis.core.RedisOperations;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Spring Session's principal index of one account in Redis: the set of the ids of its
 * sessions. Spring Session removes an id when it sees its session expire or deleted; an
 * expiry no instance heard (all were down) would leave it for ever, and the set itself
 * never expires. So the list of sessions removes ids whose session is gone, and each
 * sign-in and each listing gives the set a lifetime: every session in it ends within
 * {@code app.session.max-age} of its sign-in (the idle timeout within 30 minutes of its
 * last request).
 */
@Component
class PrincipalIndex {

	/** {@code web/SessionConfiguration}'s namespace and Spring Session's index name. */
	static final String KEY_PREFIX = "ass:session:index:" + FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME
			+ ":";

	private final RedisOperations<String, Object> redis;

	private final Duration lifetime;

	PrincipalIndex(RedisIndexedSessionRepository sessions, SessionProperties properties) {
		this.redis = sessions.getSessionRedisOperations();
		this.lifetime = properties.maxAge().plus(Duration.ofHours(1));
	}

	/** The ids the index holds for the account, live or not. */
	Set<String> ids(UUID accountId) {
		Set<Object> members = redis.opsForSet().members(key(accountId));
		return members == null ? Set.of()
				: members.stream().map(Object::toString).collect(java.util.stream.Collectors.toSet());
	}

	/** Removes ids whose session is gone. */
	void forget(UUID accountId, Collection<String> goneIds) {
		if (!goneIds.isEmpty()) {
			redis.opsForSet().remove(key(accountId), goneIds.toArray());
		}
	}

	/** Gives the index its lifetime from now (no-op while it does not exist yet). */
	void bound(UUID accountId) {
		redis.expire(key(accountId), lifetime);
	}

	static String key(UUID accountId) {
		return KEY_PREFIX + accountId;
	}

}
