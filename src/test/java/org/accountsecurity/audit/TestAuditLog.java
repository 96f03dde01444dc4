package org.accountsecurity.audit;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.accountsecurity.requester.ClientAddresses;
import org.accountsecurity.requester.Pseudonyms;
import org.accountsecurity.support.TestDatabase;

/**
 * The real audit log on a test's own database, for tests that build the services without
 * Spring. Its group commit is not started, so each event outside a transaction is written
 * alone, in a transaction of its own, before {@code record} returns.
 */
public final class TestAuditLog {

	private TestAuditLog() {
	}

	public static AuditLog on(TestDatabase database, Clock clock, Pseudonyms pseudonyms,
			ClientAddresses clientAddresses, MeterRegistry meters) {
		AuditChainWriter writer = new AuditChainWriter(database.jdbc(), database.jdbcTemplate());
		return new AuditLog(writer, new AuditGroupCommit(writer, database.transaction()), clock, pseudonyms,
				clientAddresses, meters);
	}

}
