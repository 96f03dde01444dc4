package org.accountsecurity.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashes that chain audit events. Fields are length-prefixed, so no choice of values
 * can make two different events hash alike.
 */
public final class ChainHash {

	public static final String GENESIS = "0".repeat(64);

	private ChainHash() {
	}

	/**
	 * The event's own hash over its chained core: everything but the erasable personal
	 * fields.
	 */
	public static String of(String prevHash, long id, long occurredAtMillis, String type, String outcome, String reason,
			String actor, String requestId, String personalDigest) {
		return of(prevHash, id, occurredAtMillis, type, outcome, reason, actor, requestId, personalDigest, null);
	}

	/**
	 * The same with the event's details (stored JSON text). They joined the core later:
	 * hashed only when present, so events without them, older ones too, hash as before.
	 */
	public static String of(String prevHash, long id, long occurredAtMillis, String type, String outcome, String reason,
			String actor, String requestId, String personalDigest, String details) {
		String at = Long.toString(occurredAtMillis);
		return details == null
				? sha256(prevHash, Long.toString(id), at, type, outcome, reason, actor, requestId, personalDigest)
				: sha256(prevHash, Long.toString(id), at, type, outcome, reason, actor, requestId, personalDigest,
						details);
	}

	/**
	 * Seals the personal fields; without the salt (erased with them) it reveals nothing
	 * about them. The client's request id joined them later: sealed only when present, so
	 * the digests of older events still verify.
	 */
	public static String personalDigest(String salt, String accountId, String subjectHash, String clientAddress,
			String userAgent, String clientRequestId) {
		if (salt == null) {
			return sha256("erased");
		}
		return clientRequestId == null ? sha256(salt, accountId, subjectHash, clientAddress, userAgent)
				: sha256(salt, accountId, subjectHash, clientAddress, userAgent, clientRequestId);
	}

	private static String sha256(String... fields) {
		StringBuilder canonical = new StringBuilder();
		for (String field : fields) {
			canonical.append(field == null ? "~" : field.length() + ":" + field).append(';');
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is unavailable", ex);
		}
	}

}
