package org.accountsecurity.requester;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA-256) that let operators find the events of one typed address or
 * client address without the audit trail holding the value itself (GDPR Art. 4(5)
 * pseudonymisation).
 */
@Component
public class Pseudonyms {

	private final SecretKeySpec key;

	Pseudonyms(RequesterProperties properties, @Value("${app.reset.signing-keys:}") List<String> signingKeys) {
		this.key = new SecretKeySpec(keyMaterial(properties.pseudonymKey(), signingKeys), "HmacSHA256");
	}

	/**
	 * The pseudonym of a typed e-mail address: equal for every spelling that finds the
	 * same account.
	 */
	public String ofEmail(String typed) {
		return hmac("email:" + EmailAddress.key(typed == null ? "" : typed));
	}

	public String ofClientAddress(String address) {
		return "h:" + hmac("client:" + address).substring(0, 32);
	}

	/**
	 * An opaque name of a session: it lets a page point at a session without its id (a
	 * bearer secret), and reveals nothing of the id.
	 */
	public String ofSessionId(String sessionId) {
		return hmac("session:" + sessionId).substring(0, 32);
	}

	private String hmac(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	// The oldest signing key changes least often, so pseudonyms stay linkable across most
	// rotations.
	private static byte[] keyMaterial(String pseudonymKey, List<String> signingKeys) {
		if (pseudonymKey != null && !pseudonymKey.isBlank()) {
			return pseudonymKey.getBytes(StandardCharsets.UTF_8);
		}
		String base = signingKeys.isEmpty() ? "unset" : signingKeys.get(signingKeys.size() - 1);
		return ("audit-pseudonym:" + base).getBytes(StandardCharsets.UTF_8);
	}

}
