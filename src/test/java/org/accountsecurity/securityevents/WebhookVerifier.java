package org.accountsecurity.securityevents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiver's side of Standard Webhooks, written for the tests independently of the
 * service's code: the HMAC-SHA256 of {@code id.timestamp.body} keyed with the bytes after
 * {@code whsec_}, compared in constant time with each {@code v1,} signature.
 */
final class WebhookVerifier {

	private WebhookVerifier() {
	}

	static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader)
			throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
		for (String signature : signatureHeader.split(" ")) {
			if (signature.startsWith("v1,")
					&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
				return true;
			}
		}
		return false;
	}

}
