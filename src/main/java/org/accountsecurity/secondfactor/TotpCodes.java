package org.accountsecurity.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * RFC 6238 codes: HMAC-SHA-1, 30-second steps, 6 digits, one step of clock drift either
 * way. A match names its time step, so that the step can be used up once.
 */
final class TotpCodes {

	static final Duration STEP = Duration.ofSeconds(30);

	// 160 bits, the HMAC-SHA-1 key size RFC 4226 recommends.
	static final int SECRET_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator(STEP, 6,
			TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	private TotpCodes() {
	}

	static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	/**
	 * Whether {@code code} looks like a TOTP code at all (six digits, spaces allowed).
	 */
	static boolean looksLikeTotp(String code) {
		return normalized(code).matches("[0-9]{6}");
	}

	/**
	 * The time step that {@code code} is valid for at {@code now} (the current one first,
	 * then one before and one after), or empty.
	 */
	static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
		String typed = normalized(code);
		if (!typed.matches("[0-9]{6}")) {
			return OptionalLong.empty();
		}
		long current = now.getEpochSecond() / STEP.getSeconds();
		SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA1");
		OptionalLong match = OptionalLong.empty();
		// Every candidate is computed and compared, match or not: the time spent says
		// nothing about which step matched.
		for (long step : new long[] { current, current - 1, current + 1 }) {
			if (MessageDigest.isEqual(code(key, step).getBytes(StandardCharsets.US_ASCII),
					typed.getBytes(StandardCharsets.US_ASCII)) && match.isEmpty()) {
				match = OptionalLong.of(step);
			}
		}
		return match;
	}

	private static String code(SecretKeySpec key, long step) {
		try {
			return String.format("%06d",
					TOTP.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.getSeconds())));
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA1 refused a TOTP secret", ex);
		}
	}

	private static String normalized(String code) {
		return code == null ? "" : code.replace(" ", "").strip();
	}

}
