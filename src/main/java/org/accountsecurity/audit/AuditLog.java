package org.accountsecurity.audit;

import org.accountsecurity.requester.Sanitizer;
import org.accountsecurity.requester.Pseudonyms;
import org.accountsecurity.requester.ClientAddresses;
import org.accountsecurity.requester.RequestOrigin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the SQL audit trail, chained by hash. In a caller's transaction an
 * event is written with the change it records or not at all; events without one are
 * committed in groups ({@link AuditGroupCommit}). Details are stored as sanitised JSON of
 * at most {@value AuditDetails#MAX_BYTES} bytes, in the chained core.
 */
@Service
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AuditChainWriter writer;

	private final AuditGroupCommit groupCommit;

	private final Clock clock;

	private final Pseudonyms pseudonyms;

	private final ClientAddresses clientAddresses;

	private final MeterRegistry meters;

	AuditLog(AuditChainWriter writer, AuditGroupCommit groupCommit, Clock clock, Pseudonyms pseudonyms,
			ClientAddresses clientAddresses, MeterRegistry meters) {
		this.writer = writer;
		this.groupCommit = groupCommit;
		this.clock = clock;
		this.pseudonyms = pseudonyms;
		this.clientAddresses = clientAddresses;
		this.meters = meters;
	}

	/**
	 * Records one event and returns its id. Inside a transaction the event is written in
	 * it, with the change it records; otherwise it joins the next group commit. Either
	 * way it is committed when this returns.
	 */
	public long record(AuditEntry entry) {
		AuditRow row = row(entry);
		long id = TransactionSynchronizationManager.isActualTransactionActive() ? writer.append(List.of(row)).get(0)
				: groupCommit.append(row);
		meters.counter("audit.events", "type", row.type(), "outcome", row.outcome()).increment();
		log.debug("Audit {} {} {}", row.type(), row.outcome(), row.reason() == null ? "" : row.reason());
		return id;
	}

	private AuditRow row(AuditEntry entry) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		RequestOrigin origin = entry.origin() == null ? RequestOrigin.SYSTEM : entry.origin();
		String subjectHash = entry.accountId() == null && entry.typedSubject() != null
				? pseudonyms.ofEmail(entry.typedSubject()) : null;
		String client = clientAddresses.storable(origin.clientAddress());
		String userAgent = Sanitizer.clean(origin.userAgent(), 200);
		String clientRequestId = Sanitizer.clean(origin.clientRequestId(), 64);
		String salt = randomSalt();
		String accountId = entry.accountId() == null ? null : entry.accountId().toString();
		return new AuditRow(now, entry.type().name(), entry.outcome().name(), Sanitizer.clean(entry.reason(), 200),
				Sanitizer.clean(entry.actor(), 80), Sanitizer.clean(origin.requestId(), 64), entry.accountId(),
				subjectHash, client, userAgent, clientRequestId, salt,
				ChainHash.personalDigest(salt, accountId, subjectHash, client, userAgent, clientRequestId),
				entry.details().json());
	}

	private static String randomSalt() {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return HexFormat.of().formatHex(salt);
	}

}
