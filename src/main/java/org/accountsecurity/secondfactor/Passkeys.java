package org.accountsecurity.secondfactor;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;

/**
 * An account's passkeys: the list, renaming and removing them. Every change names the
 * passkey and its account in one SQL statement, so a passkey of another account is not
 * found (never changed), and of parallel removals exactly one succeeds. Audit details
 * name a passkey by {@link PasskeyReference} only, never by its credential id or key.
 */
@Service
public class Passkeys {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,1400}");

	private static final String OWNED = "credential_id = ? and user_entity_user_id = "
			+ "(select id from user_entities where name = ?)";

	private final PublicKeyCredentialUserEntityRepository userEntities;

	private final UserCredentialRepository credentials;

	private final JdbcClient jdbc;

	private final CodeCheck check;

	private final SecondFactorThrottle throttle;

	private final AuditLog audit;

	Passkeys(PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials,
			JdbcClient jdbc, CodeCheck check, SecondFactorThrottle throttle, AuditLog audit) {
		this.userEntities = userEntities;
		this.credentials = credentials;
		this.jdbc = jdbc;
		this.check = check;
		this.throttle = throttle;
		this.audit = audit;
	}

	/** The account's passkeys, oldest first. */
	public List<Passkey> of(UUID accountId) {
		PublicKeyCredentialUserEntity user = userEntities.findByUsername(accountId.toString());
		if (user == null) {
			return List.of();
		}
		return credentials.findByUserId(user.getId())
			.stream()
			.map(Passkey::of)
			.sorted(Comparator.comparing(Passkey::addedAt))
			.toList();
	}

	public int count(UUID accountId) {
		return jdbc
			.sql("select count(*) from user_credentials c join user_entities u on u.id = c.user_entity_user_id "
					+ "where u.name = ?")
			.param(accountId.toString())
			.query(Long.class)
			.single()
			.intValue();
	}

	/** Gives the passkey {@code passkeyId} of the account a new name. */
	public Status rename(UUID accountId, String passkeyId, String typedName, RequestOrigin origin) {
		var name = PasskeyName.clean(typedName);
		if (name.isEmpty()) {
			return Status.INVALID_NAME;
		}
		if (!ID.matcher(String.valueOf(passkeyId)).matches()
				|| jdbc.sql("update user_credentials set label = ? where " + OWNED)
					.params(name.get(), passkeyId, accountId.toString())
					.update() != 1) {
			return Status.NOT_FOUND;
		}
		audit.record(AuditEntry.forAccount(AuditEventType.PASSKEY_RENAMED, Outcome.SUCCESS, null, accountId, origin)
			.with("passkey", PasskeyReference.of(passkeyId)));
		return Status.DONE;
	}

	/**
	 * Removes the passkey {@code passkeyId} of the account; needs the current password.
	 */
	public Status remove(UUID accountId, String passkeyId, String currentPassword, RequestOrigin origin) {
		Status status;
		if (!throttle.attempt(accountId, origin.clientAddress()).allowed()) {
			status = Status.THROTTLED;
		}
		else if (!check.password(accountId, currentPassword)) {
			status = Status.WRONG_PASSWORD;
		}
		else if (!ID.matcher(String.valueOf(passkeyId)).matches()
				|| jdbc.sql("delete from user_credentials where " + OWNED)
					.params(passkeyId, accountId.toString())
					.update() != 1) {
			return Status.NOT_FOUND;
		}
		else {
			status = Status.DONE;
		}
		audit.record(AuditEntry
			.forAccount(AuditEventType.PASSKEY_REMOVED, status == Status.DONE ? Outcome.SUCCESS : Outcome.FAILURE,
					status == Status.DONE ? null : status.name().toLowerCase(java.util.Locale.ROOT), accountId, origin)
			.with("passkey", PasskeyReference.of(passkeyId)));
		return status;
	}

	/**
	 * Deletes every passkey of the account and says how many there were. For other
	 * features (an operator-requested removal of all second factors): the caller checks
	 * its own conditions and records its own audit event.
	 */
	public int removeAll(UUID accountId) {
		return jdbc
			.sql("delete from user_credentials where user_entity_user_id in "
					+ "(select id from user_entities where name = ?)")
			.param(accountId.toString())
			.update();
	}

	/** What a change did. */
	public enum Status {

		DONE, NOT_FOUND, INVALID_NAME, WRONG_PASSWORD, THROTTLED

	}

}
