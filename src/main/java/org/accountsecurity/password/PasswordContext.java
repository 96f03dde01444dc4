package org.accountsecurity.password;

import java.util.List;

/**
 * What the policy needs to know about the person choosing a password: personal words it
 * must not contain and the hashes it must not repeat.
 *
 * @param email the account's e-mail address, or {@code null}
 * @param displayName the account's display name, or {@code null}
 * @param recentPasswordHashes stored hashes of recent passwords, most recent (the current
 * one) first; only the first {@code app.password.history} are checked; {@code null} means
 * none
 */
public record PasswordContext(String email, String displayName, List<String> recentPasswordHashes) {

	/**
	 * A context with nothing personal in it, e.g. for a first password at registration
	 * without a name.
	 */
	public static PasswordContext none() {
		return new PasswordContext(null, null, List.of());
	}

}
