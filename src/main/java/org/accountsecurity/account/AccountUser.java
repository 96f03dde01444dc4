package org.accountsecurity.account;

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
 * the Redis session: no hash after sign-in.
 */
public final class AccountUser implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private final UUID accountId;

	private final String email;

	private final String displayName;

	private final Language language;

	private final List<GrantedAuthority> authorities;

	private String passwordHash;

	public AccountUser(Account account) {
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
