package org.accountsecurity.audit;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the SQL audit trail, chained by hash. It joins the caller's transaction, so an event is
 * written with the change it records or not at all.
 */
@Service
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Pseudonyms pseudonyms;

	private final ClientAddresses clientAddresses;

	private final MeterRegistry meters;

	AuditLog(JdbcClient jdbc, Clock clock, Pseudonyms pseudonyms, ClientAddresses clientAddresses,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.pseudonyms = pseudonyms;
		this.clientAddresses = clientAddresses;
		this.meters = meters;
	}

	/** Records one event and returns its id. */
	@Transactional
	public long record(AuditEntry entry) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		RequestOrigin origin = entry.origin() == null ? RequestOrigin.SYSTEM : entry.origin();
		String accountId = entry.accountId() == null ? null : entry.accountId().toString();
		String subjectHash = entry.accountId() == null && entry.typedSubject() != null
				? pseudonyms.ofEmail(entry.typedSubject()) : null;
		String client = clientAddresses.storable(origin.clientAddress());
		String userAgent = Sanitizer.clean(origin.userAgent(), 200);
		String requestId = Sanitizer.clean(origin.requestId(), 64);
		String reason = Sanitizer.clean(entry.reason(), 200);
		String actor = Sanitizer.clean(entry.actor(), 80);
		String salt = randomSalt();
		String personalDigest = ChainHash.personalDigest(salt, accountId, subjectHash, client, userAgent);

		Map<String, Object> head = jdbc
			.sql("select last_id, last_hash from audit_chain_head where singleton = true for update")
			.query()
			.singleRow();
		long id = ((Number) head.get("last_id")).longValue() + 1;
		String prevHash = (String) head.get("last_hash");
		String hash = ChainHash.of(prevHash, id, now.toEpochMilli(), entry.type().name(), entry.outcome().name(),
				reason, actor, requestId, personalDigest);
		jdbc.sql("insert into audit_event (id, occurred_at, type, outcome, reason, actor, request_id, account_id, "
				+ "subject_hash, client_address, user_agent, personal_salt, personal_digest, prev_hash, hash) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, Timestamp.from(now), entry.type().name(), entry.outcome().name(), reason, actor, requestId,
					entry.accountId(), subjectHash, client, userAgent, salt, personalDigest, prevHash, hash)
			.update();
		jdbc.sql("update audit_chain_head set last_id = ?, last_hash = ? where singleton = true")
			.params(id, hash)
			.update();
		meters.counter("audit.events", "type", entry.type().name(), "outcome", entry.outcome().name()).increment();
		log.debug("Audit {} {} {}", entry.type(), entry.outcome(), reason == null ? "" : reason);
		return id;
	}

	private static String randomSalt() {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return HexFormat.of().formatHex(salt);
	}

}
