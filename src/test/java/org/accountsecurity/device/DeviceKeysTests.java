package org.accountsecurity.device;

import java.util.Base64;
import java.util.List;

import org.accountsecurity.system.InvalidSetting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Device keys: what one key signed, it and only it verifies, for the purpose it was
 * signed for; altered, truncated and foreign values are refused; keys rotate.
 */
class DeviceKeysTests {

	private static final String OLD = "old:" + Base64.getEncoder().encodeToString(new byte[32]);

	private static final String NEW = "new:" + Base64.getEncoder().encodeToString("n".repeat(32).getBytes());

	@Test
	void aSignedValueVerifiesForItsPurposeOnly() {
		DeviceKeys keys = new DeviceKeys(List.of(NEW, OLD));
		String value = keys.sign("device-cookie", List.of("d1", "a1", "a2"));
		assertThat(keys.verify("device-cookie", value)).contains(List.of("d1", "a1", "a2"));
		assertThat(keys.verify("account-lockdown", value)).isEmpty();
	}

	@Test
	void alteredTruncatedAndForeignValuesAreRefused() {
		DeviceKeys keys = new DeviceKeys(List.of(NEW));
		String value = keys.sign("p", List.of("d1", "a1"));
		int dot = value.indexOf('.');
		String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString("d2|a1|new".getBytes());
		for (String bad : List.of(value.substring(0, dot), value.substring(0, value.length() - 1),
				otherPayload + value.substring(dot), value + ".x", "", "..", "not base64!.x",
				new DeviceKeys(List.of(OLD.replace("old:", "new:"))).sign("p", List.of("d1", "a1")))) {
			assertThat(keys.verify("p", bad)).as(bad).isEmpty();
		}
		assertThat(keys.verify("p", null)).isEmpty();
	}

	@Test
	void keysRotate() {
		String signedByOld = new DeviceKeys(List.of(OLD)).sign("p", List.of("d1"));
		assertThat(new DeviceKeys(List.of(NEW, OLD)).verify("p", signedByOld)).contains(List.of("d1"));
		assertThat(new DeviceKeys(List.of(NEW)).verify("p", signedByOld)).isEmpty();
	}

	@Test
	void aFieldWithTheSeparatorAndMissingKeysAreRefused() {
		DeviceKeys keys = new DeviceKeys(List.of(NEW));
		assertThatThrownBy(() -> keys.sign("p", List.of("a|b"))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new DeviceKeys(List.of())).isInstanceOf(InvalidSetting.class)
			.hasMessageStartingWith("app.device.signing-keys ");
	}

}
