package org.accountsecurity.password;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's view of {@link PasswordHasher}, so that sign-in verifies our hashes
 * and upgrades old ones through {@code UserDetailsPasswordService}.
 */
final class HasherPasswordEncoder implements PasswordEncoder {

	private final PasswordHasher hasher;

	HasherPasswordEncoder(PasswordHasher hasher) {
		this.hasher = hasher;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return (rawPassword != null) ? this.hasher.hash(rawPassword) : null;
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return this.hasher.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.hasher.needsUpgrade(encodedPassword);
	}

}
