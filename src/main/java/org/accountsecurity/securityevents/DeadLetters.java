package org.accountsecurity.securityevents;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Events a receiver never accepted ({@code security_event_dead_letter}): which receiver,
 * which event, how many attempts and the last error (a status or an exception's name,
 * never a body), so that operators can see and replay them.
 */
@Repository
class DeadLetters {

	private final JdbcClient jdbc;

	DeadLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Target target, long eventId, int attempts, String lastError, Instant now) {
		try {
			jdbc.sql("insert into security_event_dead_letter (target_key, event_id, label, attempts, last_error, "
					+ "failed_at) values (?, ?, ?, ?, ?, ?)")
				.params(target.key(), eventId, target.label(), attempts, lastError, Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Recorded by an attempt whose cursor update was lost: once is enough.
		}
	}

	long count(String targetKey) {
		return jdbc.sql("select count(*) from security_event_dead_letter where target_key = ?")
			.param(targetKey)
			.query(Long.class)
			.single();
	}

}
