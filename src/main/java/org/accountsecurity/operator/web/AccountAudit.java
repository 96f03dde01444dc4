package org.accountsecurity.operator.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.audit.AuditTrail;

import org.springframework.stereotype.Component;

/**
 * One account's copy of its audit events (GDPR Art. 15), as the API answers it and the
 * console downloads it.
 */
@Component
class AccountAudit {

	static final int CAP = 100_000;

	private final AuditTrail trail;

	private final Clock clock;

	AccountAudit(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	AccountExport export(Account account) {
		List<AuditEventResponse> events = trail.allAbout(account.id(), account.email(), CAP)
			.stream()
			.map(AuditEventResponse::of)
			.toList();
		return new AccountExport(account.id(), account.email(), AuditEventResponse.iso(clock.instant()), events.size(),
				events);
	}

	/** The account, when the copy was made, and all its events, oldest first. */
	record AccountExport(UUID accountId, String email, String exportedAt, int count, List<AuditEventResponse> events) {
	}

}
