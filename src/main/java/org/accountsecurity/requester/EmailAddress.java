package org.accountsecurity.requester;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses typed e-mail addresses and derives the key accounts are looked up by.
 *
 * <p>
 * The key is NFKC followed by {@code toLowerCase(Locale.ROOT)}: a one-way, documented
 * normalisation. No upper-casing round trip takes place, so {@code mıke@} (dotless i)
 * never becomes {@code mike@} (the GitHub bug), and mail always goes to the address
 * stored on the account, never to the one typed.
 */
public final class EmailAddress {

	/**
	 * RFC 5321 caps a forward path at 256 octets; 254 characters is the practical
	 * maximum.
	 */
	public static final int MAX_LENGTH = 254;

	// One mailbox: no spaces, and none of the characters that separate or quote addresses
	// in a header.
	private static final Pattern SHAPE = Pattern
		.compile("[^@\\s,;:<>()\\[\\]\\\\\"]{1,64}@[^@\\s,;:<>()\\[\\]\\\\\"]+\\.[^@\\s,;:<>()\\[\\]\\\\\".]+");

	private EmailAddress() {
	}

	/**
	 * The trimmed address if it is one plausible address without control characters, else
	 * empty.
	 */
	public static Optional<String> parse(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String trimmed = typed.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH || trimmed.codePoints().anyMatch(Character::isISOControl)
				|| !SHAPE.matcher(trimmed).matches()) {
			return Optional.empty();
		}
		return Optional.of(trimmed);
	}

	/** The lookup key of an address that {@link #parse} accepted. */
	public static String key(String address) {
		// Stripped after NFKC too: a no-break space is no whitespace to strip() until
		// NFKC
		// makes it a space (a fuzzing finding: keying a key changed it).
		return Normalizer.normalize(address, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * {@code a***@example.com}: enough for a person to recognise their address, too
	 * little to harvest it.
	 */
	public static String mask(String address) {
		int at = address.lastIndexOf('@');
		if (at <= 0) {
			return "***";
		}
		return address.codePoints()
			.limit(1)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "***"
				+ address.substring(at);
	}

}
