package org.accountsecurity.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.stereotype.Service;

/**
 * Signs out one other session of an account, named by its handle. The handle is looked up
 * among the account's own live sessions only, so a handle of another account's session is
 * unknown here. Of parallel requests for one session, one claims it in Redis
 * ({@code SET NX}) and ends and audits it; the others find it claimed and do nothing.
 */
@Service
public class SessionRevocation {

	private static final Logger log = LoggerFactory.getLogger(SessionRevocation.class);

	private static final Duration CLAIM_LIFETIME = Duration.ofMinutes(10);

	private final LiveSessions live;

	private final RedisIndexedSessionRepository sessions;

	private final StringRedisTemplate redis;

	private final AuditLog audit;

	SessionRevocation(LiveSessions live, RedisIndexedSessionRepository sessions, StringRedisTemplate redis,
			AuditLog audit) {
		this.live = live;
		this.sessions = sessions;
		this.redis = redis;
		this.audit = audit;
	}

	/**
	 * Ends the session of {@code accountId} whose handle is {@code handle}, unless it is
	 * the one asking ({@code currentSessionId}: signing out is for that).
	 */
	public Revocation revoke(UUID accountId, String handle, String currentSessionId, RequestOrigin origin) {
		Optional<LiveSessions.Live> found = live.of(accountId)
			.stream()
			.filter(s -> equal(s.handle(), handle))
			.findFirst();
		if (found.isEmpty() || found.get().id().equals(currentSessionId)) {
			return Revocation.UNKNOWN;
		}
		String claim = "sr:{" + accountId + "}:" + found.get().handle();
		if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(claim, "1", CLAIM_LIFETIME))) {
			return Revocation.ALREADY_ENDED;
		}
		try {
			sessions.deleteById(found.get().id());
		}
		catch (RuntimeException ex) {
			// Not ended: let a retry claim it again.
			redis.delete(claim);
			throw ex;
		}
		// Details are not erasable: the handle only (an HMAC of the id, no personal
		// data).
		AuditEntry entry = AuditEntry
			.forAccount(AuditEventType.SESSION_REVOKED, Outcome.SUCCESS, "signed_out_by_holder", accountId, origin)
			.with("handle", found.get().handle());
		audit.record(entry);
		log.info("Signed out session {} of account {} at its holder's request", found.get().handle(), accountId);
		return Revocation.REVOKED;
	}

	private static boolean equal(String a, String b) {
		return b != null
				&& MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	/** What a revocation did. */
	public enum Revocation {

		/** This request ended the session. */
		REVOKED,
		/** A parallel request is ending it or has ended it. */
		ALREADY_ENDED,
		/** No other live session of the account has this handle. */
		UNKNOWN

	}

}
