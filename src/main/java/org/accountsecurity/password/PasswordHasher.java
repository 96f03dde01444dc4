package org.accountsecurity.password;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and verifies passwords: BCrypt over a {@code bcrypt_sha256}-style pre-hash,
 * stored as {@code {bcrypt-sha256}$2b$NN$...}, so no password is ever truncated at
 * BCrypt's 72 bytes. Plain BCrypt hashes of imported accounts still verify and are
 * reported as needing an upgrade.
 */
@Component
public class PasswordHasher {

	private static final String BCRYPT_VERSION = "$2b";

	private static final int BCRYPT_MAX_BYTES = 72;

	// Far above anything the policy accepts (1024 code points at most); longer input
	// can't match, so it is not
	// normalised, only answered after the same BCrypt work as any other failure.
	private static final int MAX_INPUT_CHARS = 16_384;

	private final int cost;

	private final TimedBcrypt bcrypt;

	private final SecureRandom random = new SecureRandom();

	private final StoredHash dummy;

	private final PasswordEncoder passwordEncoder = new HasherPasswordEncoder(this);

	/**
	 * Creates a hasher without metrics, e.g. for tests.
	 * @param properties the BCrypt cost to use
	 */
	public PasswordHasher(PasswordProperties properties) {
		this(properties, (MeterRegistry) null);
	}

	/**
	 * Creates a hasher that times BCrypt in the {@code password.bcrypt} timer when a
	 * registry exists.
	 * @param properties the BCrypt cost to use
	 * @param meterRegistry the registry, if metrics are switched on
	 */
	@Autowired
	public PasswordHasher(PasswordProperties properties, ObjectProvider<MeterRegistry> meterRegistry) {
		this(properties, meterRegistry.getIfAvailable());
	}

	private PasswordHasher(PasswordProperties properties, MeterRegistry meterRegistry) {
		this.cost = properties.bcryptCost();
		// Checked here too because a record built in code skips bean validation; 31
		// overflows (CVE-2022-22976).
		if (this.cost < 10 || this.cost > 30) {
			throw new IllegalArgumentException("BCrypt cost must be between 10 and 30, was " + this.cost);
		}
		this.bcrypt = new TimedBcrypt(meterRegistry);
		// Verified against whenever there is no usable stored hash, so unknown users cost
		// the same as known ones (CVE-2025-22234). BCrypt's time depends on the cost in
		// the hash alone, so a random salt and digest at that cost will do: no BCrypt run
		// at start, and nothing that any password matches.
		this.dummy = StoredHash.parse(StoredHash.PRE_HASHED_ID + newSalt() + randomDigest());
	}

	/**
	 * Hashes a new password.
	 * @param rawPassword the password as typed; it is NFKC-normalised first
	 * @return the value to store, {@code {bcrypt-sha256}$2b$NN$...}
	 */
	public String hash(CharSequence rawPassword) {
		Objects.requireNonNull(rawPassword, "rawPassword");
		String salt = newSalt();
		return StoredHash.PRE_HASHED_ID + this.bcrypt.hash(preHash(Nfkc.normalize(rawPassword), salt), salt);
	}

	private String newSalt() {
		return BCrypt.gensalt(BCRYPT_VERSION, this.cost, this.random);
	}

	// 31 characters of BCrypt's base64 alphabet, as long as a real digest.
	private String randomDigest() {
		String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder digest = new StringBuilder(31);
		for (int i = 0; i < 31; i++) {
			digest.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return digest.toString();
	}

	// Keyed with the 22 characters of the salt proper, as StoredHash.bcryptInput does
	// when verifying.
	private static String preHash(String normalized, String salt) {
		return PreHash.of(normalized, salt.substring(7, 29));
	}

	/**
	 * Tells whether a password matches a stored hash, spending one BCrypt run whatever
	 * the input.
	 * @param rawPassword the password as typed, may be {@code null}
	 * @param stored a {@code {bcrypt-sha256}}, {@code {bcrypt}} or bare
	 * {@code $2a$/$2b$/$2y$} hash; {@code null} or garbage never matches
	 * @return whether the password matches; never throws
	 */
	public boolean matches(CharSequence rawPassword, String stored) {
		StoredHash parsed = StoredHash.parse(stored);
		boolean usable = parsed != null && rawPassword != null && rawPassword.length() <= MAX_INPUT_CHARS;
		String normalized = usable ? Nfkc.normalize(rawPassword) : "";
		// Plain BCrypt would compare only the first 72 bytes, so a longer password could
		// match a different one.
		if (usable && !parsed.preHashed() && normalized.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
			usable = false;
		}
		StoredHash target = usable ? parsed : this.dummy;
		boolean verified = this.bcrypt.verify(target.bcryptInput(normalized), target.bcrypt());
		return usable && verified;
	}

	/**
	 * Tells whether a stored hash should be replaced at the next successful sign-in.
	 * @param stored the stored hash
	 * @return {@code true} for plain BCrypt and for a cost below the configured one;
	 * {@code false} for {@code null} or unreadable values
	 */
	public boolean needsUpgrade(String stored) {
		StoredHash parsed = StoredHash.parse(stored);
		return parsed != null && (!parsed.preHashed() || parsed.cost() < this.cost);
	}

	/**
	 * Gives this hasher to Spring Security, e.g. for {@code DaoAuthenticationProvider}.
	 * @return an encoder whose {@code encode}, {@code matches} and
	 * {@code upgradeEncoding} delegate here
	 */
	public PasswordEncoder passwordEncoder() {
		return this.passwordEncoder;
	}

}
