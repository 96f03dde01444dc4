package org.accountsecurity.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.accountsecurity.requester.Pseudonyms;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the audit trail; nothing here can change it. */
@Service
public class AuditTrail {

	static final String COLUMNS = "id, occurred_at, type, outcome, reason, actor, account_id, subject_hash, "
			+ "client_address, user_agent, request_id, client_request_id, erased_at, details";

	/**
	 * Rows per query when a whole filter is read (exports): memory stays flat however
	 * many match.
	 */
	static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final AccountIds accounts;

	private final Pseudonyms pseudonyms;

	AuditTrail(JdbcClient jdbc, AccountIds accounts, Pseudonyms pseudonyms) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.pseudonyms = pseudonyms;
	}

	/** The newest events of one account, for its holder's Security section. */
	public List<AuditEvent> recentForAccount(UUID accountId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from audit_event where account_id = ? order by id desc limit ?")
			.params(accountId, limit)
			.query(AuditTrail::map)
			.list();
	}

	/**
	 * One page of the events that match, newest first, with the number of all that match.
	 */
	public AuditPage search(AuditQuery query) {
		Filter filter = filter(query);
		long total = jdbc.sql("select count(*) from audit_event where " + filter.sql())
			.params(filter.params())
			.query(Long.class)
			.single();
		List<Object> params = new ArrayList<>(filter.params());
		params.add(query.size());
		params.add(query.offset());
		List<AuditEvent> events = jdbc
			.sql("select " + COLUMNS + " from audit_event where " + filter.sql() + " order by id desc limit ? offset ?")
			.params(params)
			.query(AuditTrail::map)
			.list();
		return new AuditPage(events, query.page(), query.size(), total);
	}

	/**
	 * Hands every event that matches (ignoring page and size) to {@code sink}, newest
	 * first, at most {@code cap} of them; returns how many. Reads in chunks by id, so an
	 * export of many events never holds a connection or all rows at once, and events
	 * recorded meanwhile do not shift it.
	 */
	public long forEach(AuditQuery query, long cap, Consumer<AuditEvent> sink) {
		Filter filter = filter(query);
		long count = 0;
		long below = Long.MAX_VALUE;
		while (count < cap) {
			List<Object> params = new ArrayList<>(filter.params());
			params.add(below);
			params.add((int) Math.min(CHUNK, cap - count));
			List<AuditEvent> chunk = jdbc
				.sql("select " + COLUMNS + " from audit_event where " + filter.sql()
						+ " and id < ? order by id desc limit ?")
				.params(params)
				.query(AuditTrail::map)
				.list();
			for (AuditEvent event : chunk) {
				sink.accept(event);
			}
			count += chunk.size();
			if (chunk.size() < CHUNK) {
				break;
			}
			below = chunk.get(chunk.size() - 1).id();
		}
		return count;
	}

	/**
	 * Hands the events recorded with this account's id to {@code sink}, newest first, at
	 * most {@code cap} of them; returns how many. Read in chunks by id like
	 * {@link #forEach}; events of typed addresses (pseudonyms) are not among them.
	 */
	public long forEachOfAccount(UUID accountId, long cap, Consumer<AuditEvent> sink) {
		long count = 0;
		long below = Long.MAX_VALUE;
		while (count < cap) {
			int size = (int) Math.min(CHUNK, cap - count);
			List<AuditEvent> chunk = jdbc
				.sql("select " + COLUMNS + " from audit_event where account_id = ? and id < ? order by id desc limit ?")
				.params(accountId, below, size)
				.query(AuditTrail::map)
				.list();
			chunk.forEach(sink);
			count += chunk.size();
			if (chunk.size() < size) {
				break;
			}
			below = chunk.get(chunk.size() - 1).id();
		}
		return count;
	}

	/**
	 * Every event about one account, oldest first: those with its id and those of
	 * requests that typed its current address {@code email} while no account had it (GDPR
	 * Art. 15).
	 */
	public List<AuditEvent> allAbout(UUID accountId, String email, int cap) {
		return jdbc
			.sql("select " + COLUMNS + " from audit_event where account_id = ? or subject_hash = ? order by id limit ?")
			.params(accountId, pseudonyms.ofEmail(email), cap)
			.query(AuditTrail::map)
			.list();
	}

	private Filter filter(AuditQuery query) {
		List<String> clauses = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		clauses.add("1 = 1");
		if (query.email() != null) {
			String pseudonym = pseudonyms.ofEmail(query.email());
			Optional<UUID> account = accounts.byEmail(query.email());
			if (account.isPresent()) {
				clauses.add("(account_id = ? or subject_hash = ?)");
				params.add(account.get());
			}
			else {
				clauses.add("subject_hash = ?");
			}
			params.add(pseudonym);
		}
		if (query.type() != null) {
			clauses.add("type = ?");
			params.add(query.type().name());
		}
		if (query.outcome() != null) {
			clauses.add("outcome = ?");
			params.add(query.outcome().name());
		}
		if (query.from() != null) {
			clauses.add("occurred_at >= ?");
			params.add(Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			clauses.add("occurred_at < ?");
			params.add(Timestamp.from(query.to()));
		}
		return new Filter(String.join(" and ", clauses), params);
	}

	static AuditEvent map(ResultSet rs, int row) throws SQLException {
		Timestamp erased = rs.getTimestamp("erased_at");
		return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				AuditEventType.valueOf(rs.getString("type")), Outcome.valueOf(rs.getString("outcome")),
				rs.getString("reason"), rs.getString("actor"), rs.getObject("account_id", UUID.class),
				rs.getString("subject_hash"), rs.getString("client_address"), rs.getString("user_agent"),
				rs.getString("request_id"), rs.getString("client_request_id"),
				erased == null ? null : erased.toInstant(), AuditDetails.parse(rs.getString("details")));
	}

	private record Filter(String sql, List<Object> params) {
	}

}
