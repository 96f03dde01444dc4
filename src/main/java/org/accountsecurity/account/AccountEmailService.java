package org.accountsecurity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;

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
	 * {@link EmailAddress#parse} accepted, if the account's credential version is still
	 * {@code expectedVersion}, and moves the version on: the address is a credential of
	 * recovery, so like a password change this revokes every reset link and signs out
	 * every session signed in before (see {@link SessionValidity}), even one a sign-in
	 * saves after {@code AccountSessions.endAll} ran.
	 * @return the changed account; empty when the version moved on meanwhile (a password
	 * change cancels a pending e-mail change)
	 * @throws AccountExists when another account holds an equivalent address (same key)
	 * by now
	 */
	@Transactional
	public Optional<Account> change(UUID accountId, String newAddress, long expectedVersion, String auditReason,
			RequestOrigin origin) {
		Instant now = clock.instant();
		int updated;
		try {
			// The unique key decides, not an earlier lookup: of two accounts confirming
			// one address, one wins.
			updated = jdbc
				.sql("update account set email = ?, email_key = ?, updated_at = ?, "
						+ "credential_version = credential_version + 1 where id = ? and credential_version = ?")
				.params(newAddress, EmailAddress.key(newAddress), Timestamp.from(now), accountId, expectedVersion)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new AccountExists();
		}
		if (updated != 1) {
			return Optional.empty();
		}
		audit.record(
				AuditEntry.forAccount(AuditEventType.EMAIL_CHANGED, Outcome.SUCCESS, auditReason, accountId, origin));
		events.publishEvent(new EmailAddressChanged(accountId, now));
		return accounts.findById(accountId);
	}

}
