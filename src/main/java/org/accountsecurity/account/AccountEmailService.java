package org.accountsecurity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.audit.RequestOrigin;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a new e-mail address on an account, once its holder has proved control of it.
 * The address, its audit event and {@link EmailAddressChanged} are one transaction: all
 * of them happen or none.
 */
@Service
public class AccountEmailService {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccountEmailService(JdbcClient jdbc, Accounts accounts, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Changes the address of {@code accountId} to {@code newAddress}, which
	 * {@link EmailAddress#parse} accepted.
	 * @throws AccountExistsException when another account holds an equivalent address
	 * (same key) by now
	 */
	@Transactional
	public Account change(UUID accountId, String newAddress, String auditReason, RequestOrigin origin) {
		Instant now = clock.instant();
		int updated;
		try {
			// The unique key decides, not an earlier lookup: of two accounts confirming
			// one address, one wins.
			updated = jdbc.sql("update account set email = ?, email_key = ?, updated_at = ? where id = ?")
				.params(newAddress, EmailAddress.key(newAddress), Timestamp.from(now), accountId)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new AccountExistsException();
		}
		if (updated != 1) {
			throw new IllegalStateException("No account " + accountId);
		}
		audit.record(
				AuditEntry.forAccount(AuditEventType.EMAIL_CHANGED, Outcome.SUCCESS, auditReason, accountId, origin));
		events.publishEvent(new EmailAddressChanged(accountId, now));
		return accounts.findById(accountId).orElseThrow();
	}

}
