package org.accountsecurity.securityevents;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import io.jsonwebtoken.security.EcPrivateJwk;
import io.jsonwebtoken.security.EcPublicJwk;
import io.jsonwebtoken.security.Jwks;
import org.accountsecurity.system.InvalidSetting;

/**
 * The ES256 key that signs Security Event Tokens ({@code app.events.set-signing-key}: an
 * EC P-256 private key in PKCS#8, base64 or PEM) and its public half as a JWK Set, served
 * at {@code /.well-known/jwks.json} so that receivers verify tokens without a shared
 * secret. The key id is the public key's RFC 7638 thumbprint. Without a setting (local
 * mode only: production requires it once a receiver is configured) a throw-away key is
 * made at start when a receiver needs it, and none at all otherwise.
 */
public final class SetSigningKey {

	static final String SETTING = EventsProperties.PREFIX + "set-signing-key";

	private final ECPrivateKey privateKey;

	private final EcPublicJwk publicJwk;

	private final boolean published;

	SetSigningKey(String setting) {
		this(setting, true);
	}

	/**
	 * {@code published} false: the JWK Set is empty (no key set and no receiver, so a key
	 * made for this run would only mislead).
	 */
	SetSigningKey(String setting, boolean published) {
		this.published = published;
		boolean given = setting != null && !setting.isBlank();
		if (!given && !published) {
			// Nothing signs and nothing is published: no key to make (a P-256 key pair
			// is a noticeable part of the start-up).
			this.privateKey = null;
			this.publicJwk = null;
			return;
		}
		this.privateKey = given ? parse(setting) : generate();
		EcPrivateJwk full = Jwks.builder().key(privateKey).build();
		this.publicJwk = Jwks.builder()
			.key(full.toPublicJwk().toKey())
			.algorithm("ES256")
			.publicKeyUse("sig")
			.idFromThumbprint()
			.build();
	}

	PrivateKey privateKey() {
		requireKey();
		return privateKey;
	}

	String keyId() {
		requireKey();
		return publicJwk.getId();
	}

	private void requireKey() {
		if (privateKey == null) {
			throw new IllegalStateException(SETTING + " is not set and no receiver is configured: nothing is signed");
		}
	}

	/** The public key as a JWK Set (RFC 7517), as JSON. */
	public String jwkSetJson() {
		return published ? "{\"keys\":[" + Jwks.json(publicJwk) + "]}" : "{\"keys\":[]}";
	}

	private static ECPrivateKey parse(String setting) {
		String base64 = setting.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
		try {
			PrivateKey key = KeyFactory.getInstance("EC")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			if (key instanceof ECPrivateKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
				return ec;
			}
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new InvalidSetting(SETTING, "is not an EC P-256 private key in PKCS#8 (base64 or PEM)");
		}
		throw new InvalidSetting(SETTING, "must be an EC P-256 key (ES256)");
	}

	private static ECPrivateKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return (ECPrivateKey) generator.generateKeyPair().getPrivate();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("EC P-256 is not available", ex);
		}
	}

}
