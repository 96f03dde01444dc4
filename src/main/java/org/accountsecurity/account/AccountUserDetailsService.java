package org.accountsecurity.account;

import java.time.Clock;
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

	private final Clock clock;

	AccountUserDetailsService(Accounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return EmailAddress.parse(email)
			.flatMap(accounts::findByEmail)
			.map(account -> new AccountUser(account, clock.instant()))
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		// user still holds the hash it was loaded with (credentials are erased
		// afterwards)
		accounts.upgradeHash(UUID.fromString(user.getUsername()), user.getPassword(), newPassword);
		return user;
	}

}
