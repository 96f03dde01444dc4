package org.accountsecurity.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.session.Session;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.stereotype.Service;

/**
 * The sessions of one account, found through Spring Session's principal index (the
 * account id).
 */
@Service
public class AccountSessions {

	private final RedisIndexedSessionRepository sessions;

	private final AuditLog audit;

	private final LiveSessions live;

	AccountSessions(RedisIndexedSessionRepository sessions, AuditLog audit, LiveSessions live) {
		this.sessions = sessions;
		this.audit = audit;
		this.live = live;
	}

	/**
	 * How many sessions may act for the account: not expired, younger than
	 * {@code app.session.max-age}, signed in with its current credential version.
	 */
	public int countActive(UUID accountId) {
		return live.of(accountId).size();
	}

	/**
	 * Ends every session of the account but {@code keepSessionId} (null: all); returns
	 * how many ended.
	 */
	public int endAll(UUID accountId, String keepSessionId, String reason, RequestOrigin origin) {
		return endStartedBefore(accountId, keepSessionId == null ? null : fingerprint(keepSessionId), Instant.MAX,
				reason, origin);
	}

	/**
	 * Ends the sessions of the account that started before {@code before}, but the one
	 * whose {@link #fingerprint} is {@code keepFingerprint} (null: none). Run again later
	 * it spares the sessions started since, such as a sign-in with a new password.
	 */
	public int endStartedBefore(UUID accountId, String keepFingerprint, Instant before, String reason,
			RequestOrigin origin) {
		Map<String, ? extends Session> found = sessions.findByPrincipalName(accountId.toString());
		int ended = 0;
		for (Map.Entry<String, ? extends Session> session : found.entrySet()) {
			if (!fingerprint(session.getKey()).equals(keepFingerprint)
					&& session.getValue().getCreationTime().isBefore(before)) {
				sessions.deleteById(session.getKey());
				ended++;
			}
		}
		audit.record(AuditEntry.forAccount(AuditEventType.SESSIONS_REVOKED, Outcome.SUCCESS, reason, accountId, origin)
			.with("count", ended));
		return ended;
	}

	/**
	 * A session id's SHA-256, to name a session where its id (a bearer secret) must not
	 * be stored.
	 */
	public static String fingerprint(String sessionId) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
