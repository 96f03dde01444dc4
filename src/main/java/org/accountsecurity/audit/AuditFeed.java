package org.accountsecurity.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit trail read forwards, as a durable log for consumers that follow it (security
 * events for other systems). Ids are given under the chain-head lock, which is held until
 * the transaction ends ({@link AuditChainWriter}), so events commit in id order: once
 * {@link #lastId()} returned n, every event up to n is committed and no event with a
 * smaller id can appear later. A consumer keeps only the last id it handled.
 */
@Service
public class AuditFeed {

	private final JdbcClient jdbc;

	AuditFeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The id of the newest committed event (0 before the first). */
	public long lastId() {
		return jdbc.sql("select last_id from audit_chain_head where singleton = true").query(Long.class).single();
	}

	/**
	 * Events of {@code types} with ids after {@code afterId} and up to {@code upToId},
	 * oldest first, at most {@code limit}.
	 */
	public List<AuditEvent> after(long afterId, long upToId, Collection<AuditEventType> types, int limit) {
		if (types.isEmpty() || upToId <= afterId) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		params.add(afterId);
		params.add(upToId);
		types.forEach(type -> params.add(type.name()));
		params.add(limit);
		String marks = String.join(", ", types.stream().map(type -> "?").toList());
		return jdbc
			.sql("select " + AuditTrail.COLUMNS + " from audit_event where id > ? and id <= ? and type in (" + marks
					+ ") order by id limit ?")
			.params(params)
			.query(AuditTrail::map)
			.list();
	}

}
