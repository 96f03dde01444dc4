package org.accountsecurity.account;

import java.util.UUID;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Finds accounts for sign-in by the typed e-mail address and stores upgraded hashes. */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final Accounts accounts;

	AccountUserDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return EmailAddress.parse(email)
			.flatMap(accounts::findByEmail)
			.map(AccountUser::new)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		accounts.upgradeHash(UUID.fromString(user.getUsername()), newPassword);
		return user;
	}

}
