package org.accountsecurity.passwordreset;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;

import io.jsonwebtoken.security.Keys;
import org.accountsecurity.system.InvalidSetting;
import org.accountsecurity.system.RequiredSettings;

/**
 * The HMAC keys of reset tokens by key id: the first signs, all verify, so keys rotate
 * without breaking links.
 */
final class SigningKeys {

	private final String currentId;

	private final Map<String, SecretKey> byId = new LinkedHashMap<>();

	SigningKeys(List<String> entries) {
		if (entries == null || entries.isEmpty()) {
			throw new InvalidSetting("app.reset.signing-keys",
					"is not set: give at least one KEYID:BASE64SECRET with a secret of 32 bytes or more");
		}
		for (String entry : entries) {
			RequiredSettings.checkSigningKey(entry);
			int colon = entry.indexOf(':');
			byId.put(entry.substring(0, colon),
					Keys.hmacShaKeyFor(Base64.getDecoder().decode(entry.substring(colon + 1).trim())));
		}
		this.currentId = byId.keySet().iterator().next();
	}

	String currentId() {
		return currentId;
	}

	SecretKey current() {
		return byId.get(currentId);
	}

	SecretKey byId(String id) {
		return id == null ? null : byId.get(id);
	}

}
