package org.accountsecurity.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in principal. Its name is the account id, so that Spring Session's principal
 * index finds every session of an account even after its e-mail address changed. Kept in
 * the Redis session: no hash after sign-in. It carries the credential version it was
 * signed in with and when, so that {@link SessionValidity} can end a session that a
 * password or e-mail change, or its age, has made stale.
 */
public final class AccountUser implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private final UUID accountId;

	private final String email;

	private final String displayName;

	private final Language language;

	private final List<GrantedAuthority> authorities;

	private final long credentialVersion;

	// Null in sessions stored before it existed: those count as stale.
	private final Instant signedInAt;

	private String passwordHash;

	public AccountUser(Account account, Instant signedInAt) {
		this(account, account.credentialVersion(), signedInAt);
	}

	private AccountUser(Account account, long credentialVersion, Instant signedInAt) {
		this.accountId = account.id();
		this.email = account.email();
		this.displayName = account.displayName();
		this.language = account.language();
		this.authorities = account.roles()
			.stream()
			.sorted()
			.<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
		this.passwordHash = account.passwordHash();
		this.credentialVersion = credentialVersion;
		this.signedInAt = signedInAt;
	}

	/**
	 * This session with the new name, address or language of {@code account}; its sign-in
	 * time and credential version stay, so a refresh never makes a stale session current.
	 */
	public AccountUser withDetailsOf(Account account) {
		AccountUser user = new AccountUser(account, credentialVersion, signedInAt);
		user.eraseCredentials();
		return user;
	}

	/**
	 * This session after a change it made itself that moved the credential version one
	 * step on: it takes the new version only when it held the version just replaced.
	 */
	public AccountUser afterOwnChange(Account changed) {
		long version = changed.credentialVersion() == credentialVersion + 1 ? changed.credentialVersion()
				: credentialVersion;
		AccountUser user = new AccountUser(changed, version, signedInAt);
		user.eraseCredentials();
		return user;
	}

	public UUID accountId() {
		return accountId;
	}

	public String email() {
		return email;
	}

	public String getDisplayName() {
		return displayName;
	}

	public Language language() {
		return language;
	}

	public long credentialVersion() {
		return credentialVersion;
	}

	public Instant signedInAt() {
		return signedInAt;
	}

	public boolean isOperator() {
		return authorities.stream().anyMatch(a -> a.getAuthority().equals("ROLE_OPERATOR"));
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return accountId.toString();
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

}
