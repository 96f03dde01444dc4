package org.accountsecurity.passwordreset;

import java.util.function.Supplier;

import org.accountsecurity.account.Accounts;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.passwordreset.ResetTokens.Check;
import org.accountsecurity.ratelimit.ClientKey;
import org.accountsecurity.ratelimit.RateLimiter;
import org.accountsecurity.ratelimit.RateLimiter.Decision;
import org.accountsecurity.ratelimit.RateLimiter.Limit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;

/**
 * Opens and cancels reset links, never consuming them (mail scanners open links too).
 * Each client may try a limited number of links per window, so random tokens cannot be
 * tried at speed (ASVS 5 6.6.3).
 */
@Service
public class ResetLinkService {

	private final ResetTokens tokens;

	private final Accounts accounts;

	private final RateLimiter limiter;

	private final AuditLog audit;

	private final MeterRegistry meters;

	private final Limit perClient;

	ResetLinkService(ResetTokens tokens, Accounts accounts, RateLimiter limiter, AuditLog audit, MeterRegistry meters,
			ResetProperties properties) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.limiter = limiter;
		this.audit = audit;
		this.meters = meters;
		this.perClient = new Limit("reset-link-client", properties.linkCheckLimit().requests(),
				properties.linkCheckLimit().window());
	}

	/**
	 * Checks a link someone opened; a valid one's {@link PendingReset} is what the
	 * session keeps.
	 */
	public Check open(String token, RequestOrigin origin) {
		Check check = checkCurrent(token, origin);
		if (check.state() == ResetLinkState.VALID) {
			audit.record(AuditEntry.forAccount(AuditEventType.RESET_LINK_OPENED, Outcome.SUCCESS, null,
					check.accountId(), origin));
		}
		else {
			reject(check, origin);
		}
		return check;
	}

	/**
	 * Checks a link submitted with a new password (the JSON API); only refusals are
	 * recorded here.
	 */
	public Check check(String token, RequestOrigin origin) {
		Check check = checkCurrent(token, origin);
		if (check.state() != ResetLinkState.VALID) {
			reject(check, origin);
		}
		return check;
	}

	/**
	 * Checks an "I did not ask for this" link someone opened, without revoking anything:
	 * only the confirming POST does ({@link #cancel}).
	 */
	public Check openCancel(String token, RequestOrigin origin) {
		Check check = throttled(origin, () -> tokens.checkCancel(token));
		if (check.state() != ResetLinkState.VALID) {
			reject(check, origin);
		}
		return check;
	}

	/**
	 * "I did not ask for this", confirmed: revokes the link at once; the state it was in
	 * otherwise.
	 */
	public ResetLinkState cancel(PendingReset pending, RequestOrigin origin) {
		if (tokens.revoke(pending)) {
			audit.record(AuditEntry.forAccount(AuditEventType.RESET_LINK_REVOKED, Outcome.SUCCESS, "not_requested",
					pending.accountId(), origin));
			return ResetLinkState.VALID;
		}
		ResetLinkState state = tokens.stateOf(pending);
		reject(new Check(state, pending.accountId(), null), origin);
		return state;
	}

	private Check checkCurrent(String token, RequestOrigin origin) {
		Check check = throttled(origin, () -> tokens.check(token));
		if (check.state() == ResetLinkState.VALID) {
			long version = accounts.findById(check.accountId()).map(a -> a.credentialVersion()).orElse(-1L);
			if (version != check.pending().credentialVersion()) {
				return new Check(ResetLinkState.REVOKED, check.accountId(), null);
			}
		}
		return check;
	}

	private Check throttled(RequestOrigin origin, Supplier<Check> check) {
		Decision decision = limiter.hit(perClient, ClientKey.of(origin.clientAddress()));
		if (!decision.allowed()) {
			audit.record(new AuditEntry(AuditEventType.RATE_LIMITED, Outcome.FAILURE, "reset_link_per_client",
					AuditEntry.SELF, null, null, origin));
			throw new TooManyAttempts(decision.retryAfterSeconds());
		}
		return check.get();
	}

	private void reject(Check check, RequestOrigin origin) {
		meters.counter("reset.tokens.rejected", "reason", check.state().reason()).increment();
		audit.record(new AuditEntry(AuditEventType.RESET_TOKEN_REJECTED, Outcome.FAILURE, check.state().reason(),
				AuditEntry.SELF, check.accountId(), null, origin));
	}

}
