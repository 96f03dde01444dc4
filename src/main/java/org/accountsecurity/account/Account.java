package org.accountsecurity.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * An account holder or operator as stored; the password hash never leaves the account
 * package's store.
 */
public record Account(UUID id, String email, String displayName, Language language, String passwordHash,
		Set<Role> roles, long credentialVersion, Instant createdAt, Instant updatedAt, Instant passwordChangedAt) {

	public boolean isOperator() {
		return roles.contains(Role.OPERATOR);
	}

	public Locale locale() {
		return language.locale();
	}

	/** Roles known to the service. */
	public enum Role {

		USER, OPERATOR

	}

}
