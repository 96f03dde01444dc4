package org.accountsecurity.secondfactor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.accountsecurity.system.InvalidSetting;
import org.accountsecurity.system.RequiredSettings;

/**
 * AES-256-GCM for TOTP secrets, keyed by {@code app.second-factor.encryption-key}: the
 * first key encrypts, every key decrypts, so keys rotate without losing enrolments. The
 * associated data names what a ciphertext is for (an account's stored secret, an
 * enrolment in progress), so it cannot be moved to another account or use.
 */
final class SecretCipher {

	static final String SETTING = "app.second-factor.encryption-key";

	private static final int NONCE_BYTES = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String currentId;

	private final Map<String, SecretKey> byId = new LinkedHashMap<>();

	SecretCipher(List<String> entries) {
		if (entries == null || entries.isEmpty()) {
			throw new InvalidSetting(SETTING,
					"is not set: give at least one KEYID:BASE64SECRET with a secret of 32 bytes or more");
		}
		for (String entry : entries) {
			RequiredSettings.checkKey(SETTING, entry);
			int colon = entry.indexOf(':');
			byId.put(entry.substring(0, colon), aesKey(Base64.getDecoder().decode(entry.substring(colon + 1).trim())));
		}
		this.currentId = byId.keySet().iterator().next();
	}

	/** The id of the key that encrypts, and signs ({@link #signingKey}). */
	String currentKeyId() {
		return currentId;
	}

	/**
	 * An HMAC-SHA256 key for signing tokens of {@code use}, derived from the key
	 * {@code keyId} (so it rotates with it, and is apart from the AES key and every other
	 * use); null for an unknown id.
	 */
	SecretKey signingKey(String keyId, String use) {
		SecretKey key = keyId == null ? null : byId.get(keyId);
		if (key == null) {
			return null;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return new SecretKeySpec(mac.doFinal(("signing:" + use).getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	String encrypt(byte[] plain, String purpose) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, byId.get(currentId), nonce, purpose);
			byte[] sealed = cipher.doFinal(plain);
			byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
			return currentId + ":" + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** The plain bytes, or null when the key is unknown or the ciphertext was altered. */
	byte[] decrypt(String stored, String purpose) {
		int colon = stored == null ? -1 : stored.indexOf(':');
		SecretKey key = colon < 1 ? null : byId.get(stored.substring(0, colon));
		if (key == null) {
			return null;
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(all, NONCE_BYTES), purpose);
			return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String purpose)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(128, nonce));
		cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	// The configured secret may be longer than 32 bytes: an HMAC derives the AES key from
	// all of it, and keeps it apart from any other use of the same secret.
	private static SecretKey aesKey(byte[] secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return new SecretKeySpec(mac.doFinal("second-factor AES-GCM".getBytes(StandardCharsets.UTF_8)), "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
