package org.accountsecurity.account.emailchange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The confirmation token: base64url of the account id, the expiry (epoch seconds) and 256
 * random bits. Only its SHA-256 is stored, so a match proves the whole token, expiry
 * included, is the one mailed. Before a match the account id and expiry are mere claims:
 * they pick the Redis key and the "expired" page, nothing more.
 */
final class EmailChangeToken {

	private static final int RANDOM_BYTES = 32;

	private static final int LENGTH = 16 + 8 + RANDOM_BYTES;

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private EmailChangeToken() {
	}

	static String generate(UUID accountId, Instant expiresAt) {
		byte[] random = new byte[RANDOM_BYTES];
		RANDOM.nextBytes(random);
		ByteBuffer bytes = ByteBuffer.allocate(LENGTH)
			.putLong(accountId.getMostSignificantBits())
			.putLong(accountId.getLeastSignificantBits())
			.putLong(expiresAt.getEpochSecond())
			.put(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
	}

	/**
	 * The token's claims and hash, or empty when it is not a token of this shape at all.
	 */
	static Optional<Claimed> parse(String token) {
		if (token == null || !SHAPE.matcher(token).matches()) {
			return Optional.empty();
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (bytes.length != LENGTH) {
			return Optional.empty();
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		UUID accountId = new UUID(buffer.getLong(), buffer.getLong());
		try {
			return Optional.of(new Claimed(accountId, Instant.ofEpochSecond(buffer.getLong()), hash(token)));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What a token claims, and its hash; the raw token is not kept. */
	record Claimed(UUID accountId, Instant expiresAt, String hash) {
	}

}
