package org.accountsecurity.securityevents;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,} and the base64 HMAC-SHA256 of
 * {@code {id}.{timestamp}.{body}}, keyed with the secret's bytes after {@code whsec_}.
 */
final class WebhookSignature {

	private final SecretKeySpec key;

	WebhookSignature(byte[] secret) {
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	String sign(String id, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
