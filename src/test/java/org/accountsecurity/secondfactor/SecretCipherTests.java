package org.accountsecurity.secondfactor;

import java.util.Base64;
import java.util.List;

import org.accountsecurity.system.InvalidSetting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AES-GCM with rotating keys, bound to its purpose. */
class SecretCipherTests {

	private static final String OLD = "old:" + Base64.getEncoder().encodeToString(new byte[32]);

	private static final String NEW = "new:" + Base64.getEncoder().encodeToString(new byte[40]);

	@Test
	void theNewestKeyEncryptsAndEveryKeyDecrypts() {
		byte[] secret = { 1, 2, 3, 4 };
		String sealedWithOld = new SecretCipher(List.of(OLD)).encrypt(secret, "totp:a");
		SecretCipher rotated = new SecretCipher(List.of(NEW, OLD));
		assertThat(rotated.decrypt(sealedWithOld, "totp:a")).isEqualTo(secret);
		assertThat(rotated.encrypt(secret, "totp:a")).startsWith("new:");
		assertThat(new SecretCipher(List.of(NEW)).decrypt(sealedWithOld, "totp:a")).isNull();
	}

	@Test
	void anotherPurposeOrAnAlteredCiphertextDecryptsToNothing() {
		SecretCipher cipher = new SecretCipher(List.of(NEW));
		String sealed = cipher.encrypt(new byte[20], "totp:a");
		assertThat(cipher.decrypt(sealed, "totp:b")).isNull();
		byte[] raw = Base64.getDecoder().decode(sealed.substring(4));
		raw[raw.length - 1] ^= 1;
		assertThat(cipher.decrypt("new:" + Base64.getEncoder().encodeToString(raw), "totp:a")).isNull();
		assertThat(cipher.decrypt("garbage", "totp:a")).isNull();
		assertThat(cipher.encrypt(new byte[20], "totp:a")).isNotEqualTo(sealed);
	}

	@Test
	void shortOrMissingKeysAreRefusedByName() {
		assertThatThrownBy(() -> new SecretCipher(List.of())).isInstanceOf(InvalidSetting.class)
			.hasMessageStartingWith("app.second-factor.encryption-key ");
		assertThatThrownBy(() -> new SecretCipher(List.of("k:" + Base64.getEncoder().encodeToString(new byte[16]))))
			.hasMessage("app.second-factor.encryption-key key 'k' is shorter than 32 bytes");
	}

}
