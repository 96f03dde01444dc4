package org.accountsecurity.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short, stable name of a passkey for audit details: the first 8 hex digits of the
 * SHA-256 of its credential id (base64url). Tells an account's passkeys apart; does not
 * give the credential id back.
 */
final class PasskeyReference {

	private PasskeyReference() {
	}

	static String of(String passkeyId) {
		if (passkeyId == null) {
			return null;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(passkeyId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
