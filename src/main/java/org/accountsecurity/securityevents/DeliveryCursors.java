package org.accountsecurity.securityevents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The cursor rows of {@code security_event_cursor}: per receiver, the last event id it
 * was given and the failed attempts at the next one. An instance delivers to a receiver
 * only while it holds the row's lease ({@link #claim}); every write is conditional on the
 * lease and on the position it read, so an instance that lost its lease (a long pause)
 * can never move a cursor back nor skip an event.
 */
@Repository
class DeliveryCursors {

	private final JdbcClient jdbc;

	DeliveryCursors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the cursor of a new receiver at {@code position} (it is not sent the past);
	 * an existing one is kept.
	 */
	void ensure(Target target, long position, Instant now) {
		try {
			jdbc.sql("insert into security_event_cursor (target_key, label, last_event_id, attempts, updated_at) "
					+ "values (?, ?, ?, 0, ?)")
				.params(target.key(), target.label(), position, Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Another instance, or an earlier start, made it.
		}
	}

	/**
	 * Takes or renews the lease until {@code until}; false when another instance holds an
	 * unexpired one.
	 */
	boolean claim(String key, String owner, Instant now, Instant until) {
		return jdbc
			.sql("update security_event_cursor set lease_owner = ?, lease_until = ? where target_key = ? "
					+ "and (lease_owner is null or lease_owner = ? or lease_until < ?)")
			.params(owner, Timestamp.from(until), key, owner, Timestamp.from(now))
			.update() == 1;
	}

	Optional<Cursor> read(String key) {
		return jdbc
			.sql("select last_event_id, attempts, next_attempt_at from security_event_cursor where target_key = ?")
			.param(key)
			.query((rs, row) -> new Cursor(rs.getLong(1), rs.getInt(2),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
			.optional();
	}

	/**
	 * Moves the cursor on from {@code from} to {@code to}; false when the lease is lost.
	 */
	boolean advance(String key, String owner, long from, long to, Instant now) {
		return jdbc
			.sql("update security_event_cursor set last_event_id = ?, attempts = 0, next_attempt_at = null, "
					+ "updated_at = ? where target_key = ? and lease_owner = ? and last_event_id = ?")
			.params(to, Timestamp.from(now), key, owner, from)
			.update() == 1;
	}

	/** Records a failed attempt at the event after {@code position}. */
	boolean retryLater(String key, String owner, long position, int attempts, Instant next, Instant now) {
		return jdbc
			.sql("update security_event_cursor set attempts = ?, next_attempt_at = ?, updated_at = ? "
					+ "where target_key = ? and lease_owner = ? and last_event_id = ?")
			.params(attempts, Timestamp.from(next), Timestamp.from(now), key, owner, position)
			.update() == 1;
	}

	/** Gives the lease up (at shutdown), so another instance takes over at once. */
	void release(String key, String owner) {
		jdbc.sql("update security_event_cursor set lease_owner = null, lease_until = null "
				+ "where target_key = ? and lease_owner = ?")
			.params(key, owner)
			.update();
	}

	/** A receiver's position and the failed attempts at its next event. */
	record Cursor(long lastEventId, int attempts, Instant nextAttemptAt) {
	}

}
