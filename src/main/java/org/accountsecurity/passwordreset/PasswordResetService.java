package org.accountsecurity.passwordreset;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.Pseudonyms;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.ratelimit.ClientKey;
import org.accountsecurity.ratelimit.RateLimiter;
import org.accountsecurity.ratelimit.RateLimiter.Decision;
import org.accountsecurity.ratelimit.RateLimiter.Limit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;

/**
 * Takes reset requests. The request thread never talks to SMTP and does the same work on
 * every branch (one limiter call per limit, one account lookup, one audit row with the
 * same details, one outbox entry with the same fields), so neither the answer nor its
 * timing tells whether an address has an account; the worker issues the link and sends
 * the mail.
 */
@Service
public class PasswordResetService {

	private final Accounts accounts;

	private final RateLimiter limiter;

	private final AuditLog audit;

	private final ResetJobs jobs;

	private final Pseudonyms pseudonyms;

	private final ResetProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Limit perAccount;

	private final Limit perClient;

	private final OperatorResetLimits operatorLimits;

	PasswordResetService(Accounts accounts, RateLimiter limiter, AuditLog audit, ResetJobs jobs, Pseudonyms pseudonyms,
			ResetProperties properties, MeterRegistry meters, Clock clock, OperatorResetLimits operatorLimits) {
		this.accounts = accounts;
		this.limiter = limiter;
		this.audit = audit;
		this.jobs = jobs;
		this.pseudonyms = pseudonyms;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
		this.perAccount = new Limit("reset-account", properties.perAccountLimit().requests(),
				properties.perAccountLimit().window());
		this.perClient = new Limit("reset-client", properties.perClientLimit().requests(),
				properties.perClientLimit().window());
		this.operatorLimits = operatorLimits;
	}

	/**
	 * Forgot password: {@code typedEmail} is one syntactically valid address; the link
	 * goes to the stored one.
	 */
	public ResetRequestOutcome requestForgotten(String typedEmail, RequestOrigin origin) {
		meters.counter("reset.requests", "trigger", ResetTrigger.FORGOT.code()).increment();
		String pseudonym = pseudonyms.ofEmail(typedEmail);
		Decision client = limiter.hit(perClient, ClientKey.of(origin.clientAddress()));
		if (!client.allowed()) {
			audit.record(AuditEntry.forUnknownSubject(AuditEventType.RATE_LIMITED, Outcome.FAILURE, "per_client",
					typedEmail, origin));
			return ResetRequestOutcome.limited(client.retryAfterSeconds());
		}
		Optional<Account> account = accounts.findByEmail(typedEmail);
		Decision own = limiter.hit(perAccount, account.map(a -> a.id().toString()).orElse(pseudonym));
		if (account.isEmpty()) {
			audit.record(AuditEntry
				.forUnknownSubject(AuditEventType.RESET_REQUESTED, Outcome.FAILURE, "unknown_account", typedEmail,
						origin)
				.with("trigger", ResetTrigger.FORGOT.code()));
			jobs.queueNothing(ResetTrigger.FORGOT, origin, AuditEntry.forUnknownSubject(AuditEventType.RESET_REQUESTED,
					Outcome.FAILURE, ResetJobs.UNQUEUED, typedEmail, origin));
		}
		else {
			send(account.get().id(), ResetTrigger.FORGOT, own, origin);
		}
		return ResetRequestOutcome.ACCEPTED;
	}

	/**
	 * Reset password from Account details: always the signed-in account's own address.
	 */
	public SelfResetOutcome requestForAccount(UUID accountId, RequestOrigin origin) {
		meters.counter("reset.requests", "trigger", ResetTrigger.SELF.code()).increment();
		Account account = accounts.findById(accountId).orElseThrow();
		Decision own = limiter.hit(perAccount, accountId.toString());
		send(accountId, ResetTrigger.SELF, own, origin);
		return new SelfResetOutcome(account.email(), clock.instant().plus(properties.tokenTtl()), !own.allowed(),
				properties.tokenTtl().toMinutes());
	}

	/**
	 * An operator sends a link to an account, within the operator's and the account's
	 * limits; recorded with the operator as actor. Empty for an unknown account.
	 */
	public Optional<OperatorResetOutcome> requestByOperator(UUID accountId, UUID operatorId, RequestOrigin origin) {
		meters.counter("reset.requests", "trigger", ResetTrigger.OPERATOR.code()).increment();
		Optional<Account> account = accounts.findById(accountId);
		Optional<OperatorResetOutcome> outcome = account.map(a -> operatorLimits.admit(a, operatorId, origin));
		outcome.filter(OperatorResetOutcome::sent).ifPresent(a -> {
			audit.record(AuditEntry
				.forAccount(AuditEventType.OPERATOR_RESET_TRIGGERED, Outcome.SUCCESS, null, accountId, origin)
				.with("trigger", ResetTrigger.OPERATOR.code())
				.byActor(AuditEntry.operator(operatorId)));
			jobs.queueLink(accountId, ResetTrigger.OPERATOR, origin,
					AuditEntry
						.forAccount(AuditEventType.OPERATOR_RESET_TRIGGERED, Outcome.FAILURE, ResetJobs.UNQUEUED,
								accountId, origin)
						.byActor(AuditEntry.operator(operatorId)));
		});
		return outcome;
	}

	private void send(UUID accountId, ResetTrigger trigger, Decision own, RequestOrigin origin) {
		if (own.allowed()) {
			audit.record(AuditEntry.forAccount(AuditEventType.RESET_REQUESTED, Outcome.SUCCESS, null, accountId, origin)
				.with("trigger", trigger.code()));
			jobs.queueLink(accountId, trigger, origin, ResetJobs.unqueued(accountId, origin));
		}
		else {
			// Accepted silently: the holder's inbox is not flooded, and the answer stays
			// the same.
			audit.record(AuditEntry
				.forAccount(AuditEventType.RATE_LIMITED, Outcome.FAILURE, "per_account", accountId, origin)
				.with("trigger", trigger.code()));
			jobs.queueNothing(trigger, origin, ResetJobs.unqueued(accountId, origin));
		}
	}

	/** What the Account details page shows after Reset password. */
	public record SelfResetOutcome(String email, Instant expiresAt, boolean limited, long ttlMinutes) {
	}

}
