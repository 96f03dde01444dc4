package org.accountsecurity.account;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * The active sessions of an account as records: for the list on Account details and for
 * the holder's own data export.
 */
@Service
public class ActiveSessions {

	private static final Comparator<ActiveSession> CURRENT_THEN_RECENT = Comparator.comparing(ActiveSession::current)
		.reversed()
		.thenComparing(ActiveSession::lastSeenAt, Comparator.reverseOrder());

	private final LiveSessions live;

	ActiveSessions(LiveSessions live) {
		this.live = live;
	}

	/**
	 * Every active session of the account, the one with {@code currentSessionId} (may be
	 * null) first and marked current, then the most recently seen.
	 */
	public List<ActiveSession> of(UUID accountId, String currentSessionId) {
		return live.of(accountId).stream().map(s -> record(s, currentSessionId)).sorted(CURRENT_THEN_RECENT).toList();
	}

	/** Every active session of the account, none marked current (for exports). */
	public List<ActiveSession> of(UUID accountId) {
		return of(accountId, null);
	}

	private static ActiveSession record(LiveSessions.Live session, String currentSessionId) {
		SessionDevice device = session.device();
		return new ActiveSession(session.handle(), device == null ? null : device.browser(),
				device == null ? null : device.os(), device == null ? null : device.clientAddress(),
				device == null ? session.user().signedInAt() : device.signedInAt(),
				session.session().getLastAccessedTime(), session.id().equals(currentSessionId));
	}

}
