package org.accountsecurity.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The passlib {@code bcrypt_sha256} v2 pre-hash: base64 of HMAC-SHA-256 keyed with the
 * BCrypt salt, so any password length fits BCrypt's 72 bytes.
 */
final class PreHash {

	private static final String ALGORITHM = "HmacSHA256";

	private PreHash() {
	}

	/**
	 * Computes the 44-character BCrypt input for a password.
	 * @param normalizedPassword the NFKC-normalised password
	 * @param salt the 22-character BCrypt salt (without the {@code $2b$NN$} prefix)
	 * @return the standard base64 of the HMAC digest
	 */
	static String of(String normalizedPassword, String salt) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.US_ASCII), ALGORITHM));
			byte[] digest = mac.doFinal(normalizedPassword.getBytes(StandardCharsets.UTF_8));
			// Base64, never the raw digest: a NUL byte in it would end BCrypt's input
			// early.
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
