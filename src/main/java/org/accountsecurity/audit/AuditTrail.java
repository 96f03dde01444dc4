package org.accountsecurity.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the audit trail; nothing here can change it. */
@Service
public class AuditTrail {

	static final String COLUMNS = "id, occurred_at, type, outcome, reason, actor, account_id, subject_hash, "
			+ "client_address, user_agent, request_id, erased_at";

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The newest events of one account, for its holder's Security section. */
	public List<AuditEvent> recentForAccount(UUID accountId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from audit_event where account_id = ? order by id desc limit ?")
			.params(accountId, limit)
			.query(AuditTrail::map)
			.list();
	}

	static AuditEvent map(ResultSet rs, int row) throws SQLException {
		Timestamp erased = rs.getTimestamp("erased_at");
		return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				AuditEventType.valueOf(rs.getString("type")), Outcome.valueOf(rs.getString("outcome")),
				rs.getString("reason"), rs.getString("actor"), rs.getObject("account_id", UUID.class),
				rs.getString("subject_hash"), rs.getString("client_address"), rs.getString("user_agent"),
				rs.getString("request_id"), erased == null ? null : erased.toInstant());
	}

}
