package org.accountsecurity.passwordreset;

import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.ratelimit.RateLimiter;
import org.accountsecurity.ratelimit.RateLimiter.Decision;
import org.accountsecurity.ratelimit.RateLimiter.Limit;

import org.springframework.stereotype.Component;

/**
 * Limits the reset links operators send: per operator, and per account with the same
 * counter as the holder's own requests, since it is the same inbox. Unlike a forgot
 * request, a refusal is told: the operator already knows the account exists.
 */
@Component
class OperatorResetLimits {

	private final RateLimiter limiter;

	private final AuditLog audit;

	private final Limit perOperator;

	private final Limit perAccount;

	OperatorResetLimits(RateLimiter limiter, AuditLog audit, ResetProperties properties) {
		this.limiter = limiter;
		this.audit = audit;
		this.perOperator = new Limit("reset-operator", properties.perOperatorLimit().requests(),
				properties.perOperatorLimit().window());
		// The counter of PasswordResetService's per-account limit: one name, one key.
		this.perAccount = new Limit("reset-account", properties.perAccountLimit().requests(),
				properties.perAccountLimit().window());
	}

	/**
	 * Counts one reset of {@code account} by {@code operatorId}; a refusal is audited as
	 * RATE_LIMITED with the operator as actor.
	 */
	OperatorResetOutcome admit(Account account, UUID operatorId, RequestOrigin origin) {
		Decision operator = limiter.hit(perOperator, operatorId.toString());
		if (!operator.allowed()) {
			return refused(account, OperatorResetOutcome.Limit.PER_OPERATOR, operator, operatorId, origin);
		}
		Decision own = limiter.hit(perAccount, account.id().toString());
		if (!own.allowed()) {
			return refused(account, OperatorResetOutcome.Limit.PER_ACCOUNT, own, operatorId, origin);
		}
		return new OperatorResetOutcome(account.email(), null, 0);
	}

	private OperatorResetOutcome refused(Account account, OperatorResetOutcome.Limit limit, Decision decision,
			UUID operatorId, RequestOrigin origin) {
		audit.record(AuditEntry
			.forAccount(AuditEventType.RATE_LIMITED, Outcome.FAILURE, limit.reason(), account.id(), origin)
			.byActor(AuditEntry.operator(operatorId)));
		return new OperatorResetOutcome(account.email(), limit, decision.retryAfterSeconds());
	}

}
