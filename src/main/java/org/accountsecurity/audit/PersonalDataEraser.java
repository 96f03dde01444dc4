package org.accountsecurity.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.accountsecurity.requester.Pseudonyms;
import org.accountsecurity.requester.RequestOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases one account's personal data from the audit trail (GDPR Art. 17): the account id,
 * the pseudonym of its address, client address and user agent, and with them the salt
 * that sealed them. The chained core of each event stays, so the chain check still passes
 * for every event; the events of other accounts are not touched. The erasure itself is
 * recorded with the operator as actor and no trace of the account.
 */
@Service
public class PersonalDataEraser {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataEraser.class);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Pseudonyms pseudonyms;

	private final Clock clock;

	PersonalDataEraser(JdbcClient jdbc, AuditLog audit, Pseudonyms pseudonyms, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.pseudonyms = pseudonyms;
		this.clock = clock;
	}

	/** Erases the account's events and returns how many were erased now. */
	@Transactional
	public Erasure erase(UUID accountId, String email, UUID operatorId, RequestOrigin origin) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		int erased = jdbc
			.sql("update audit_event set account_id = null, subject_hash = null, client_address = null, "
					+ "user_agent = null, client_request_id = null, personal_salt = null, erased_at = ? "
					+ "where (account_id = ? or subject_hash = ?) and erased_at is null")
			.params(Timestamp.from(now), accountId, pseudonyms.ofEmail(email))
			.update();
		long eventId = audit.record(new AuditEntry(AuditEventType.PERSONAL_DATA_ERASED, Outcome.SUCCESS, null,
				AuditEntry.operator(operatorId), null, null, origin)
			.with("events", erased));
		log.info("Erased the personal data of {} audit events (event {})", erased, eventId);
		return new Erasure(erased, eventId, now);
	}

	/** How many events lost their personal data, and the event that records it. */
	public record Erasure(int events, long eventId, Instant erasedAt) {
	}

}
