package org.accountsecurity.device;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.accountsecurity.system.InvalidSetting;
import org.accountsecurity.system.RequiredSettings;

/**
 * Signs short values with HMAC-SHA256 under {@code app.device.signing-keys}: the first
 * key signs, all verify, so keys rotate without forgetting every browser. Each value is
 * bound to a purpose (the MAC covers it), so a device cookie is no lockdown token and the
 * other way round. A value is {@code base64url(fields|keyId).base64url(mac)}; fields must
 * not contain {@code |}.
 */
public final class DeviceKeys {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final int MAX_LENGTH = 2048;

	private final String currentId;

	private final Map<String, byte[]> byId = new LinkedHashMap<>();

	DeviceKeys(List<String> entries) {
		if (entries == null || entries.isEmpty()) {
			throw new InvalidSetting(DeviceProperties.SIGNING_KEYS,
					"is not set: give at least one KEYID:BASE64SECRET with a secret of 32 bytes or more");
		}
		for (String entry : entries) {
			RequiredSettings.checkKey(DeviceProperties.SIGNING_KEYS, entry);
			int colon = entry.indexOf(':');
			byId.putIfAbsent(entry.substring(0, colon), Base64.getDecoder().decode(entry.substring(colon + 1).trim()));
		}
		this.currentId = byId.keySet().iterator().next();
	}

	/** {@code fields} signed for {@code purpose} with the newest key. */
	public String sign(String purpose, List<String> fields) {
		for (String field : fields) {
			if (field.indexOf('|') >= 0) {
				throw new IllegalArgumentException("A signed field may not contain '|'");
			}
		}
		String payload = String.join("|", fields) + "|" + currentId;
		return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ ENCODER.encodeToString(mac(byId.get(currentId), purpose, payload));
	}

	/**
	 * The fields of a value signed for {@code purpose} by any configured key; empty for
	 * anything else (malformed, altered, another purpose, an unknown key).
	 */
	public Optional<List<String>> verify(String purpose, String value) {
		if (value == null || value.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		int dot = value.indexOf('.');
		if (dot < 1 || dot != value.lastIndexOf('.')) {
			return Optional.empty();
		}
		try {
			String payload = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8);
			byte[] given = Base64.getUrlDecoder().decode(value.substring(dot + 1));
			int bar = payload.lastIndexOf('|');
			byte[] key = bar < 0 ? null : byId.get(payload.substring(bar + 1));
			if (key == null || !MessageDigest.isEqual(mac(key, purpose, payload), given)) {
				return Optional.empty();
			}
			return Optional.of(Arrays.asList(payload.substring(0, bar).split("\\|", -1)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static byte[] mac(byte[] key, String purpose, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
