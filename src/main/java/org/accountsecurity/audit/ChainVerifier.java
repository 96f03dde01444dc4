package org.accountsecurity.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves the audit trail unedited: walks the events by id from the retained base
 * (audit_chain_head's base_id/base_hash, moved forward by retention) to the head's
 * last_id, recomputing each event's hash over its core and its link to the one before.
 * Rows are read in pages, so memory stays flat however long the trail is; one
 * repeatable-read snapshot keeps concurrent writers and retention out of the picture.
 */
@Service
public class ChainVerifier {

	private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

	static final int PAGE = 1000;

	private final JdbcClient jdbc;

	ChainVerifier(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainCheck verify() {
		Map<String, Object> head = jdbc
			.sql("select last_id, last_hash, base_id, base_hash from audit_chain_head where singleton = true")
			.query()
			.singleRow();
		long lastId = ((Number) head.get("last_id")).longValue();
		long expectedId = ((Number) head.get("base_id")).longValue() + 1;
		String expectedPrev = (String) head.get("base_hash");
		long checked = 0;
		while (expectedId <= lastId) {
			List<Row> rows = jdbc
				.sql("select id, occurred_at, type, outcome, reason, actor, request_id, account_id, subject_hash, "
						+ "client_address, user_agent, client_request_id, personal_salt, personal_digest, details, erased_at, "
						+ "prev_hash, hash from audit_event where id >= ? and id <= ? order by id limit ?")
				.params(expectedId, lastId, PAGE)
				.query(ChainVerifier::row)
				.list();
			if (rows.isEmpty()) {
				break;
			}
			for (Row row : rows) {
				String problem = row.id() != expectedId ? "missing_event" : problemOf(row, expectedPrev);
				if (problem != null) {
					log.warn("Audit chain broken at event {}: {}", expectedId, problem);
					return ChainCheck.broken(checked, problem.equals("missing_event") ? expectedId : row.id(), problem);
				}
				checked++;
				expectedId++;
				expectedPrev = row.hash();
			}
		}
		if (expectedId <= lastId) {
			log.warn("Audit chain broken at event {}: missing_event", expectedId);
			return ChainCheck.broken(checked, expectedId, "missing_event");
		}
		if (!Objects.equals(expectedPrev, head.get("last_hash"))) {
			log.warn("Audit chain head does not match event {}", lastId);
			return ChainCheck.broken(checked, lastId, "head_mismatch");
		}
		return ChainCheck.intact(checked);
	}

	private static String problemOf(Row row, String expectedPrev) {
		if (!row.prevHash().equals(expectedPrev)) {
			return "broken_link";
		}
		String core = ChainHash.of(row.prevHash(), row.id(), row.occurredAtMillis(), row.type(), row.outcome(),
				row.reason(), row.actor(), row.requestId(), row.personalDigest(), row.details());
		if (!core.equals(row.hash())) {
			return "edited_event";
		}
		return personalFieldsIntact(row) ? null : "personal_data_altered";
	}

	// Erased: no salt and no personal field left, nothing to check against the digest.
	// Otherwise the salted
	// digest must still seal exactly the stored personal fields.
	private static boolean personalFieldsIntact(Row row) {
		if (row.erased() || row.salt() == null) {
			return row.erased() && row.salt() == null && row.accountId() == null && row.subjectHash() == null
					&& row.clientAddress() == null && row.userAgent() == null && row.clientRequestId() == null;
		}
		return ChainHash
			.personalDigest(row.salt(), row.accountId(), row.subjectHash(), row.clientAddress(), row.userAgent(),
					row.clientRequestId())
			.equals(row.personalDigest());
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Object accountId = rs.getObject("account_id");
		return new Row(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant().toEpochMilli(),
				rs.getString("type"), rs.getString("outcome"), rs.getString("reason"), rs.getString("actor"),
				rs.getString("request_id"), accountId == null ? null : accountId.toString(),
				rs.getString("subject_hash"), rs.getString("client_address"), rs.getString("user_agent"),
				rs.getString("client_request_id"), rs.getString("personal_salt"), rs.getString("personal_digest"),
				rs.getString("details"), rs.getTimestamp("erased_at") != null, rs.getString("prev_hash"),
				rs.getString("hash"));
	}

	private record Row(long id, long occurredAtMillis, String type, String outcome, String reason, String actor,
			String requestId, String accountId, String subjectHash, String clientAddress, String userAgent,
			String clientRequestId, String salt, String personalDigest, String details, boolean erased, String prevHash,
			String hash) {
	}

}
