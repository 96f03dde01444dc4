package org.accountsecurity.secondfactor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.accountsecurity.afterchange.AfterChangeStep;
import org.accountsecurity.afterchange.AfterChangeSteps;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out one due removal in one transaction: takes it (a conditional DELETE that
 * exactly one instance wins), deletes every factor, audits {@code SECOND_FACTOR_REMOVED}
 * as the system's and records the holder's mail; then queues the mail.
 * <p>
 * Not a credential change for sessions: every live session passed the factor (or began
 * before it existed), and the password is unchanged, so ending sessions would only sign
 * out the holder, never an intruder; a sign-in waiting for its second step finds no code
 * that works and starts again.
 */
@Component
class FactorRemoval {

	private static final RequestOrigin SYSTEM = new RequestOrigin(null, null, null);

	private final PendingRemovals removals;

	private final TotpCredentials credentials;

	private final RecoveryCodes recoveryCodes;

	private final AfterChangeSteps afterChange;

	private final Passkeys passkeys;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	FactorRemoval(PendingRemovals removals, TotpCredentials credentials, RecoveryCodes recoveryCodes, Passkeys passkeys,
			AfterChangeSteps afterChange, AuditLog audit, TransactionTemplate transaction) {
		this.removals = removals;
		this.credentials = credentials;
		this.recoveryCodes = recoveryCodes;
		this.passkeys = passkeys;
		this.afterChange = afterChange;
		this.audit = audit;
		this.transaction = transaction;
	}

	/**
	 * Removes the account's factors if its removal is due and nobody took it; says so.
	 */
	boolean removeIfDue(UUID accountId, Instant now) {
		List<AfterChangeStep> steps = transaction.execute(tx -> {
			if (!removals.claimDue(accountId, now)) {
				return null;
			}
			credentials.remove(accountId);
			recoveryCodes.removeAll(accountId);
			passkeys.removeAll(accountId);
			audit.record(AuditEntry
				.forAccount(AuditEventType.SECOND_FACTOR_REMOVED, Outcome.SUCCESS, null, accountId, SYSTEM)
				.byActor(AuditEntry.SYSTEM)
				.with("reason", "operator_request"));
			return afterChange.record(accountId, SYSTEM,
					RemovalNoticeStep.plan(accountId, RemovalNoticeStep.REMOVED_MAIL, now));
		});
		if (steps == null) {
			return false;
		}
		afterChange.runNow(steps, SYSTEM);
		return true;
	}

}
