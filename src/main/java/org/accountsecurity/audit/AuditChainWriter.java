package org.accountsecurity.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends rows to the chain in the current transaction: locks the chain head (so events
 * chain in one order across instances), links each row to the one before, inserts them in
 * one batch and moves the head.
 */
@Component
class AuditChainWriter {

	private static final String INSERT = "insert into audit_event (id, occurred_at, type, outcome, reason, actor, "
			+ "request_id, account_id, subject_hash, client_address, user_agent, client_request_id, personal_salt, "
			+ "personal_digest, details, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	AuditChainWriter(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Must run inside a transaction; returns the ids given to the rows, in order. */
	List<Long> append(List<AuditRow> rows) {
		Map<String, Object> head = jdbc
			.sql("select last_id, last_hash from audit_chain_head where singleton = true for update")
			.query()
			.singleRow();
		long id = ((Number) head.get("last_id")).longValue();
		String hash = (String) head.get("last_hash");
		List<Long> ids = new ArrayList<>(rows.size());
		List<Object[]> values = new ArrayList<>(rows.size());
		for (AuditRow row : rows) {
			id++;
			String prevHash = hash;
			hash = ChainHash.of(prevHash, id, row.occurredAt().toEpochMilli(), row.type(), row.outcome(), row.reason(),
					row.actor(), row.requestId(), row.personalDigest(), row.details());
			ids.add(id);
			values.add(new Object[] { id, Timestamp.from(row.occurredAt()), row.type(), row.outcome(), row.reason(),
					row.actor(), row.requestId(), row.accountId(), row.subjectHash(), row.clientAddress(),
					row.userAgent(), row.clientRequestId(), row.personalSalt(), row.personalDigest(), row.details(),
					prevHash, hash });
		}
		batch.batchUpdate(INSERT, values);
		jdbc.sql("update audit_chain_head set last_id = ?, last_hash = ? where singleton = true")
			.params(id, hash)
			.update();
		return ids;
	}

}
