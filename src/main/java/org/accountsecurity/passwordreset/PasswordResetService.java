package org.accountsecurity.passwordreset;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.requester.ClientAddresses;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.Pseudonyms;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.mail.MailOutbox;
import org.accountsecurity.mail.OutboxMessage;
import org.accountsecurity.ratelimit.ClientKey;
import org.accountsecurity.ratelimit.RateLimiter;
import org.accountsecurity.ratelimit.RateLimiter.Decision;
import org.accountsecurity.ratelimit.RateLimiter.Limit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Takes reset requests. The request thread never talks to SMTP and does the same work on
 * every branch (one limiter call per limit, one account lookup, one audit row, one outbox
 * entry), so neither the answer nor its timing tells whether an address has an account;
 * the worker issues the link and sends the mail.
 */
@Service
public class PasswordResetService {

	static final String RESET_LINK = "reset-link";

	static final String NONE = "none";

	/**
	 * The reason of the audit row that follows a request whose mail could not be queued.
	 */
	static final String UNQUEUED = "outbox_unavailable";

	private final Accounts accounts;

	private final RateLimiter limiter;

	private final AuditLog audit;

	private final MailOutbox outbox;

	private final Pseudonyms pseudonyms;

	private final ClientAddresses clientAddresses;

	private final ResetProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Limit perAccount;

	private final Limit perClient;

	private final OperatorResetLimits operatorLimits;

	PasswordResetService(Accounts accounts, RateLimiter limiter, AuditLog audit, MailOutbox outbox,
			Pseudonyms pseudonyms, ClientAddresses clientAddresses, ResetProperties properties, MeterRegistry meters,
			Clock clock, OperatorResetLimits operatorLimits) {
		this.accounts = accounts;
		this.limiter = limiter;
		this.audit = audit;
		this.outbox = outbox;
		this.pseudonyms = pseudonyms;
		this.clientAddresses = clientAddresses;
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
			audit.record(AuditEntry.forUnknownSubject(AuditEventType.RESET_REQUESTED, Outcome.FAILURE,
					"unknown_account", typedEmail, origin));
			enqueue(new OutboxMessage(NONE, Map.of()), AuditEntry.forUnknownSubject(AuditEventType.RESET_REQUESTED,
					Outcome.FAILURE, UNQUEUED, typedEmail, origin));
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
			enqueue(job(accountId, ResetTrigger.OPERATOR, origin),
					AuditEntry
						.forAccount(AuditEventType.OPERATOR_RESET_TRIGGERED, Outcome.FAILURE, UNQUEUED, accountId,
								origin)
						.byActor(AuditEntry.operator(operatorId)));
		});
		return outcome;
	}

	private void send(UUID accountId, ResetTrigger trigger, Decision own, RequestOrigin origin) {
		if (own.allowed()) {
			audit.record(AuditEntry.forAccount(AuditEventType.RESET_REQUESTED, Outcome.SUCCESS, null, accountId, origin)
				.with("trigger", trigger.code()));
			enqueue(job(accountId, trigger, origin), unqueued(accountId, origin));
		}
		else {
			// Accepted silently: the holder's inbox is not flooded, and the answer stays
			// the same.
			audit.record(AuditEntry.forAccount(AuditEventType.RATE_LIMITED, Outcome.FAILURE, "per_account", accountId,
					origin));
			enqueue(new OutboxMessage(NONE, Map.of()), unqueued(accountId, origin));
		}
	}

	// The request's audit row is committed by now. If the outbox cannot take the message
	// (Redis failed since), a second row says so, on every branch alike, and the person
	// gets the 503 of any outage: no request is recorded as made while nothing is sent.
	private void enqueue(OutboxMessage message, AuditEntry ifUnqueued) {
		try {
			outbox.enqueue(message);
		}
		catch (DataAccessException ex) {
			try {
				audit.record(ifUnqueued);
			}
			catch (RuntimeException auditFailed) {
				ex.addSuppressed(auditFailed);
			}
			throw ex;
		}
	}

	private static AuditEntry unqueued(UUID accountId, RequestOrigin origin) {
		return AuditEntry.forAccount(AuditEventType.RESET_REQUESTED, Outcome.FAILURE, UNQUEUED, accountId, origin);
	}

	private OutboxMessage job(UUID accountId, ResetTrigger trigger, RequestOrigin origin) {
		String client = clientAddresses.storable(origin.clientAddress());
		return new OutboxMessage(RESET_LINK,
				Map.of("accountId", accountId.toString(), "trigger", trigger.code(), "client",
						client == null ? "" : client, "requestedAt", clock.instant().toString(), "requestId",
						origin.requestId() == null ? "" : origin.requestId()));
	}

	/** What the Account details page shows after Reset password. */
	public record SelfResetOutcome(String email, Instant expiresAt, boolean limited, long ttlMinutes) {
	}

}
