package org.accountsecurity.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.requester.Pseudonyms;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository.RedisSession;
import org.springframework.stereotype.Component;

/**
 * The sessions of one account that may still act for it, read from Redis (so every
 * instance sees the same): found through the principal index, without those that expired
 * (their ids are dropped from the index), are older than {@code app.session.max-age} or
 * were signed in with an old credential version ({@link SessionValidity} ends those on
 * their next request). Each is named by its handle, an HMAC of its id.
 */
@Component
class LiveSessions {

	private final RedisIndexedSessionRepository sessions;

	private final PrincipalIndex index;

	private final Accounts accounts;

	private final SessionProperties properties;

	private final Pseudonyms pseudonyms;

	private final Clock clock;

	LiveSessions(RedisIndexedSessionRepository sessions, PrincipalIndex index, Accounts accounts,
			SessionProperties properties, Pseudonyms pseudonyms, Clock clock) {
		this.sessions = sessions;
		this.index = index;
		this.accounts = accounts;
		this.properties = properties;
		this.pseudonyms = pseudonyms;
		this.clock = clock;
	}

	List<Live> of(UUID accountId) {
		Optional<Long> version = accounts.credentialVersion(accountId);
		Instant now = clock.instant();
		List<Live> live = new ArrayList<>();
		List<String> gone = new ArrayList<>();
		for (String id : index.ids(accountId)) {
			RedisSession session = sessions.findById(id);
			if (session == null) {
				gone.add(id);
				continue;
			}
			AccountUser user = user(session);
			if (user != null && user.accountId().equals(accountId) && user.signedInAt() != null
					&& now.isBefore(user.signedInAt().plus(properties.maxAge()))
					&& version.filter(v -> v == user.credentialVersion()).isPresent()) {
				Object device = session.getAttribute(SessionDevice.ATTRIBUTE);
				live.add(new Live(id, handle(id), session, user, device instanceof SessionDevice d ? d : null));
			}
		}
		index.forget(accountId, gone);
		index.bound(accountId);
		return live;
	}

	String handle(String sessionId) {
		return pseudonyms.ofSessionId(sessionId);
	}

	private static AccountUser user(RedisSession session) {
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		return context instanceof SecurityContext c && c.getAuthentication() != null
				&& c.getAuthentication().getPrincipal() instanceof AccountUser user ? user : null;
	}

	/**
	 * A live session: its id (never shown), handle, the session, its principal and device
	 * (null if it signed in before devices were recorded).
	 */
	record Live(String id, String handle, RedisSession session, AccountUser user, SessionDevice device) {
	}

}
