package org.accountsecurity.account;

/**
 * What is needed to open an account; without a password the holder sets one through a
 * reset link.
 */
public record NewAccount(String email, String displayName, Language language, String password,
		java.util.Set<Account.Role> roles) {
}
