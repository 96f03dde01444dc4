package org.accountsecurity.password;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored password hash taken apart: pre-hashed ({@code {bcrypt-sha256}}) or plain
 * BCrypt, and its cost.
 *
 * @param preHashed whether the BCrypt input is the {@link PreHash} of the password rather
 * than the password
 * @param bcrypt the modular-crypt BCrypt string, {@code $2b$NN$} followed by salt and
 * digest
 * @param cost the BCrypt log2 cost
 */
record StoredHash(boolean preHashed, String bcrypt, int cost) {

	static final String PRE_HASHED_ID = "{bcrypt-sha256}";

	static final String PLAIN_ID = "{bcrypt}";

	private static final int BCRYPT_LENGTH = 60;

	private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d{2})\\$[./A-Za-z0-9]{53}");

	/**
	 * Reads a stored value.
	 * @param stored the value from the account store, possibly {@code null} or garbage
	 * @return the parsed hash, or {@code null} when the value is not one this service can
	 * verify
	 */
	static StoredHash parse(String stored) {
		if (stored == null) {
			return null;
		}
		boolean preHashed = stored.startsWith(PRE_HASHED_ID);
		String bcrypt = preHashed ? stored.substring(PRE_HASHED_ID.length())
				: stored.startsWith(PLAIN_ID) ? stored.substring(PLAIN_ID.length()) : stored;
		if (bcrypt.length() != BCRYPT_LENGTH) {
			return null;
		}
		Matcher matcher = BCRYPT.matcher(bcrypt);
		if (!matcher.matches()) {
			return null;
		}
		int cost = Integer.parseInt(matcher.group(1));
		// 31 overflows (CVE-2022-22976), and any cost that high in a stored value would
		// hang the request.
		if (cost < 4 || cost > 30) {
			return null;
		}
		return new StoredHash(preHashed, bcrypt, cost);
	}

	/** The 22-character salt, which is also the HMAC key of the pre-hash. */
	String salt() {
		return this.bcrypt.substring(7, 29);
	}

	/** The string BCrypt must be given for a normalised password. */
	String bcryptInput(String normalizedPassword) {
		return this.preHashed ? PreHash.of(normalizedPassword, salt()) : normalizedPassword;
	}

}
