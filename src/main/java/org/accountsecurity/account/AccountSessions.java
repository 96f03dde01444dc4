package org.accountsecurity.account;

import java.util.Map;
import java.util.UUID;

import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * The sessions of one account, found through Spring Session's principal index (the
 * account id).
 */
@Service
public class AccountSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final AuditLog audit;

	AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions, AuditLog audit) {
		this.sessions = sessions;
		this.audit = audit;
	}

	public int countActive(UUID accountId) {
		return sessions.findByPrincipalName(accountId.toString()).size();
	}

	/**
	 * Ends every session of the account but {@code keepSessionId} (null: all); returns
	 * how many ended.
	 */
	public int endAll(UUID accountId, String keepSessionId, String reason, RequestOrigin origin) {
		Map<String, ? extends Session> found = sessions.findByPrincipalName(accountId.toString());
		int ended = 0;
		for (String id : found.keySet()) {
			if (!id.equals(keepSessionId)) {
				sessions.deleteById(id);
				ended++;
			}
		}
		audit.record(AuditEntry.forAccount(AuditEventType.SESSIONS_REVOKED, Outcome.SUCCESS, reason, accountId, origin)
			.with("count", ended));
		return ended;
	}

}
