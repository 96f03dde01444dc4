package org.accountsecurity.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes events older than {@code app.audit.retention} once a day (GDPR Art. 5(1)(e)),
 * at {@code app.audit.retention-cron} (UTC; default 03:30, {@code -} switches it off). It
 * removes the oldest part of the chain only, up to the first event still inside the
 * retention period, and in the same transaction moves the chain's base to the last
 * removed event, so that the rest still verifies. Each run is recorded in
 * audit_retention_run.
 */
@Component
public class AuditRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Duration retention;

	AuditRetention(JdbcClient jdbc, TransactionTemplate transaction, Clock clock, AuditProperties properties) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.retention = properties.retention();
	}

	@Scheduled(cron = "${app.audit.retention-cron:0 30 3 * * *}", zone = "UTC")
	void daily() {
		try {
			purge();
		}
		catch (RuntimeException ex) {
			// A failed run deletes nothing (one transaction) and is retried by the next
			// day's run.
			log.warn("Audit retention run failed: {}", ex.getClass().getSimpleName());
		}
	}

	/** Removes what is older than the retention period now; returns the recorded run. */
	public RetentionRun purge() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant cutoff = now.minus(retention);
		RetentionRun run = transaction.execute(status -> purge(now, cutoff));
		log.info("Audit retention removed {} events older than {}", run.removed(), cutoff);
		return run;
	}

	private RetentionRun purge(Instant now, Instant cutoff) {
		// The writers' lock: no event is appended while the base moves.
		Map<String, Object> head = jdbc
			.sql("select last_id, base_id from audit_chain_head where singleton = true for update")
			.query()
			.singleRow();
		long baseId = ((Number) head.get("base_id")).longValue();
		long lastId = ((Number) head.get("last_id")).longValue();
		// Only a prefix of the chain can go. Ids follow time, except for small clock
		// differences between
		// instances; an old event behind a newer one waits for a later run rather than
		// leaving a gap.
		Long firstKept = jdbc.sql("select id from audit_event where id > ? and occurred_at >= ? order by id limit 1")
			.params(baseId, Timestamp.from(cutoff))
			.query(Long.class)
			.optional()
			.orElse(null);
		long keepFrom = firstKept == null ? lastId + 1 : firstKept;
		List<Map<String, Object>> newBase = jdbc
			.sql("select id, hash from audit_event where id > ? and id < ? order by id desc limit 1")
			.params(baseId, keepFrom)
			.query()
			.listOfRows();
		long removed = 0;
		if (!newBase.isEmpty()) {
			long newBaseId = ((Number) newBase.get(0).get("id")).longValue();
			removed = jdbc.sql("delete from audit_event where id <= ?").param(newBaseId).update();
			jdbc.sql("update audit_chain_head set base_id = ?, base_hash = ? where singleton = true")
				.params(newBaseId, newBase.get(0).get("hash"))
				.update();
			baseId = newBaseId;
		}
		jdbc.sql("insert into audit_retention_run (ran_at, cutoff, removed, base_id) values (?, ?, ?, ?)")
			.params(Timestamp.from(now), Timestamp.from(cutoff), removed, baseId)
			.update();
		return new RetentionRun(now, cutoff, removed, baseId);
	}

	/** The latest run, for the operator console. */
	public Optional<RetentionRun> lastRun() {
		return jdbc.sql("select ran_at, cutoff, removed, base_id from audit_retention_run order by id desc limit 1")
			.query((rs, n) -> new RetentionRun(rs.getTimestamp("ran_at").toInstant(),
					rs.getTimestamp("cutoff").toInstant(), rs.getLong("removed"), rs.getLong("base_id")))
			.optional();
	}

	public Duration retention() {
		return retention;
	}

}
