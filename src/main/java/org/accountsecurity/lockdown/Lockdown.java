package org.accountsecurity.lockdown;

import java.util.List;
import java.util.Optional;

import org.accountsecurity.account.AccountLockdowns;
import org.accountsecurity.account.EndSessionsStep;
import org.accountsecurity.afterchange.AfterChangeStep;
import org.accountsecurity.afterchange.AfterChangeSteps;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.passwordreset.RevokeResetLinksStep;
import org.accountsecurity.requester.RequestOrigin;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "This wasn't me": checks the link (using nothing up), and on confirmation uses it up
 * and locks the account down at once. The lock and a new credential version (which
 * refuses every session, reset link and e-mail-change link issued before) commit with the
 * audit event and the after-change steps: end every session, revoke every reset link,
 * mail the way back (a reset link through the forgot-password page).
 */
@Service
public class Lockdown {

	private final LockdownTokens tokens;

	private final AccountLockdowns lockdowns;

	private final AuditLog audit;

	private final AfterChangeSteps afterChange;

	private final LockedDownNoticeStep notice;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Lockdown(LockdownTokens tokens, AccountLockdowns lockdowns, AuditLog audit, AfterChangeSteps afterChange,
			LockedDownNoticeStep notice, TransactionTemplate transaction, Clock clock) {
		this.tokens = tokens;
		this.lockdowns = lockdowns;
		this.audit = audit;
		this.afterChange = afterChange;
		this.notice = notice;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * The link behind {@code token} if it can still lock the account; uses nothing up.
	 */
	public Optional<PendingLockdown> check(String token) {
		return token == null ? Optional.empty() : tokens.check(token);
	}

	/**
	 * Uses the link up and locks its account down; false when the link was used (or
	 * expired) meanwhile.
	 */
	public boolean lock(PendingLockdown link, RequestOrigin origin) {
		if (!tokens.consume(link)) {
			return false;
		}
		List<AfterChangeStep> steps = transaction.execute(status -> {
			if (!lockdowns.lockDown(link.accountId(), clock.instant())) {
				return List.<AfterChangeStep>of();
			}
			audit.record(AuditEntry.forAccount(AuditEventType.ACCOUNT_LOCKED_BY_HOLDER, Outcome.SUCCESS,
					"new_device_alert", link.accountId(), origin));
			return afterChange.record(link.accountId(), origin, EndSessionsStep.plan(null, "locked_down"),
					RevokeResetLinksStep.PLAN, notice.plan(link.accountId()));
		});
		afterChange.runNow(steps, origin);
		return true;
	}

}
