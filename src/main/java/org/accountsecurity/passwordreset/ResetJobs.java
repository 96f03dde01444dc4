package org.accountsecurity.passwordreset;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.mail.MailOutbox;
import org.accountsecurity.mail.OutboxMessage;
import org.accountsecurity.requester.ClientAddresses;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Queues what a reset request leads to: the job that issues and mails a link, or a
 * placeholder when nothing is to be sent (unknown address, limit reached). The
 * placeholder is built by the same code with the same fields, so that every branch does
 * the same outbox work down to the bytes sent to Redis.
 */
@Component
class ResetJobs {

	static final String RESET_LINK = "reset-link";

	/**
	 * The reason of the audit row that follows a request whose mail could not be queued.
	 */
	static final String UNQUEUED = "outbox_unavailable";

	private static final UUID NO_ACCOUNT = new UUID(0, 0);

	private final MailOutbox outbox;

	private final AuditLog audit;

	private final ClientAddresses clientAddresses;

	private final Clock clock;

	ResetJobs(MailOutbox outbox, AuditLog audit, ClientAddresses clientAddresses, Clock clock) {
		this.outbox = outbox;
		this.audit = audit;
		this.clientAddresses = clientAddresses;
		this.clock = clock;
	}

	/** The job that issues the account's link when the worker takes it. */
	void queueLink(UUID accountId, ResetTrigger trigger, RequestOrigin origin, AuditEntry ifUnqueued) {
		queue(message(RESET_LINK, accountId, trigger, origin), ifUnqueued);
	}

	/**
	 * A placeholder that sends nothing, queued where no link is due; its account id is
	 * the nil UUID, which no account has.
	 */
	void queueNothing(ResetTrigger trigger, RequestOrigin origin, AuditEntry ifUnqueued) {
		queue(message(OutboxMessage.NONE, NO_ACCOUNT, trigger, origin), ifUnqueued);
	}

	private OutboxMessage message(String kind, UUID accountId, ResetTrigger trigger, RequestOrigin origin) {
		String client = clientAddresses.storable(origin.clientAddress());
		return new OutboxMessage(kind,
				Map.of("accountId", accountId.toString(), "trigger", trigger.code(), "client",
						client == null ? "" : client, "requestedAt", clock.instant().toString(), "requestId",
						origin.requestId() == null ? "" : origin.requestId()));
	}

	static AuditEntry unqueued(UUID accountId, RequestOrigin origin) {
		return AuditEntry.forAccount(AuditEventType.RESET_REQUESTED, Outcome.FAILURE, UNQUEUED, accountId, origin);
	}

	// The request's audit row is committed by now. If the outbox cannot take the message
	// (Redis failed since), a second row says so, on every branch alike, and the person
	// gets the 503 of any outage: no request is recorded as made while nothing is sent.
	private void queue(OutboxMessage message, AuditEntry ifUnqueued) {
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

}
